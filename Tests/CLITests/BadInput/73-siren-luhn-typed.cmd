append
pole.member-joined
memberId=regie-des-ecrivains
name=Régie des écrivains
legalForm=association
siren=216704826
--occurred-on
2023-02-01
--journal
{journal}
