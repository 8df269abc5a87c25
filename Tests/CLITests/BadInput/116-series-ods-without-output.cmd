series
procurement.insertion_hours
--format
ods
--journal
{journal}
