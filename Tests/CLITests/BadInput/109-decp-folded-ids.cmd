import
{input}
--from
decp
--journal
{journal}
