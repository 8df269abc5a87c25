import
{corpus}/100-decp-missing-flags.json
--from
decp
--side
{input}
--journal
{journal}
