bilan
2022
--format
xlsx
--journal
{journal}
