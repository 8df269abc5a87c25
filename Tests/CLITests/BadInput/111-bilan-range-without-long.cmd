bilan
2010..2023
--format
csv
--journal
{journal}
