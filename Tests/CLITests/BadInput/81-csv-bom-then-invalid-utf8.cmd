import
{input}
--from
csv
--type
procurement.insertion-hours-reported
--journal
{journal}
