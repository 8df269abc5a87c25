series
procurement.insertion_hours
--format
csv
-o
{journal}/../series.csv
--journal
{journal}
