template
procurement.insertion-hours-reported
--format
ods
