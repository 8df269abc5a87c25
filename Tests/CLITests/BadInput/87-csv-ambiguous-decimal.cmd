import
{input}
--from
csv
--type
okote.pledge-made
--journal
{journal}
