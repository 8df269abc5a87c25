bilan
2022
--format
json
--long
--journal
{journal}
