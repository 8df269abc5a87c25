bilan
2022
--format
csv
--datapackage
{input}
--journal
{journal}
