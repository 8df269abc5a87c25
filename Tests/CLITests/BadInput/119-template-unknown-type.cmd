template
pole.member-joind
--format
xlsx
-o
{journal}/../template.xlsx
