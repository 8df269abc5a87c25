import
{input}
--from
csv
--type
pole.member-joined
--journal
{journal}
