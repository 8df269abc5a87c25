import
{input}
--from
scdl-subventions
--author
x
--journal
{journal}
