template
event.corrected
--format
ods
-o
{journal}/../template.ods
