import
{corpus}/100-decp-missing-flags.json
--from
decp
--sirene
{input}
--journal
{journal}
