bilan
2023..2010
--format
csv
--long
--journal
{journal}
