import
{input}
--from
decp
--buyer-map
21670482=ville
--journal
{journal}
