template
bilan.published
--format
csv-fr
