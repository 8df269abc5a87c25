#!/usr/bin/env python3
"""Generates the bundled seed history (SeedHistory+Data.swift) from the seed
document (bilan du Conseil de l'ESS 2010-2023). Deterministic (fixed RNG seed).
Run: python3 genseed.py  (from this folder)."""
import datetime as dt
import json
import random
from decimal import Decimal

import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed-history.jsonl")
S = "bilan du Conseil de l'ESS 2010-2023"
TODAY = dt.datetime(2026, 11, 29, tzinfo=dt.timezone.utc)
rng = random.Random(20101125)

D = dt.date.fromisoformat


def src(note=None):
    s = S if note is None else f"{S} ({note})"
    assert len(s) <= 500, s
    return s


def money(cents):
    """Exact JSON number for an amount in cents (int when whole)."""
    if cents % 100 == 0:
        return cents // 100
    return float(Decimal(cents) / 100)  # repr is the shortest exact 2-decimal text


# ---------------------------------------------------------------- recordedAt
def add_business_days(d, n):
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def office_time(d):
    # 08:00-15:59 UTC = 9h-17h in Paris, winter or summer
    return dt.datetime(d.year, d.month, d.day, rng.randint(8, 15), rng.randint(0, 59),
                       rng.randint(0, 59), rng.randint(0, 999) * 1000, tzinfo=dt.timezone.utc)


def lag(base, lo=3, hi=20):
    return office_time(add_business_days(base, rng.randint(lo, hi)))


def end_of_precision(on, precision):
    d = D(on)
    if precision == "year":
        return dt.date(d.year, 12, 31)
    if precision == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return d


events = []  # dicts with internal keys _rec (datetime), _ord (tiebreak)


def ev(type_, on, data, note=None, rec=None, precision="day", order=0, reason=None):
    if rec is None:
        rec = lag(end_of_precision(on, precision))
    e = {"type": type_, "occurredOn": on, "author": "seed", "source": src(note),
         "data": data, "_rec": rec, "_ord": (order, len(events))}
    if reason:
        e["reason"] = reason
    events.append(e)
    return e


YEAR = "année seule, 1er janvier retenu"
MONTH = "mois seul, 1er du mois retenu"
EST_PL = "participants non publiés : estimation, « près d'une centaine de participants par plénière »"

# ---------------------------------------------------------------- Conseil de l'ESS
ev("milestone.reached", "2010-11-25",
   {"title": "Définition des missions, de la composition et du fonctionnement du Conseil de l'ESS par les partenaires",
    "kind": "founding"})
ev("milestone.reached", "2011-03-11",
   {"title": "Installation du Conseil de l'ESS par le Maire de Strasbourg, le Président de l'Eurométropole et le Président de la CRESS",
    "kind": "founding"})
ev("conseil.plenary-held", "2011-03-11",
   {"title": "Séance d'installation du Conseil de l'ESS", "participants": 100}, note=EST_PL)
ev("conseil.workshop-held", "2011-01-01",
   {"theme": "Achat public comme levier du développement durable (premiers ateliers d'échanges thématiques)",
    "participants": 20},
   note="« premiers ateliers d'échanges thématiques initiés en 2011 » ; " + YEAR +
        " ; participants non publiés : estimation (60 réunions, près de 400 participants en 13 ans)",
   precision="year")
ev("milestone.reached", "2012-01-01",
   {"title": "Réalisation du « Recueil de présentation des directions » de la collectivité", "kind": "other"},
   note=YEAR, precision="year")
ev("conseil.plenary-held", "2012-11-08",
   {"title": "Séance exceptionnelle avec Benoît Hamon, ministre délégué à l'économie sociale et solidaire",
    "participants": 160, "guests": ["Benoît Hamon"]},
   note="« plus de 160 participants », 160 retenu")
ev("conseil.plenary-held", "2013-09-16",
   {"title": "Séance exceptionnelle : préparation de « Entrepreneurs sociaux, prenez la parole ! »",
    "participants": 100}, note=EST_PL)
ev("milestone.reached", "2014-01-16",
   {"title": "Manifestation européenne « Entrepreneurs sociaux, prenez la parole ! » et 1re déclaration de Strasbourg",
    "kind": "event"},
   note="16 et 17 janvier 2014, 1er jour retenu")
ev("milestone.reached", "2014-01-01",
   {"title": "Candidature de Strasbourg au GECES, groupe d'experts de la Commission européenne, retenue pour 3 ans",
    "kind": "other"}, note=YEAR, precision="year")
ev("milestone.reached", "2014-07-01",
   {"title": "Loi ESS de juillet 2014, à l'élaboration de laquelle le territoire a participé", "kind": "other"},
   note=MONTH, precision="month")
ev("milestone.reached", "2015-01-01",
   {"title": "Délibération Territoire de commerce équitable", "kind": "deliberation"},
   note="« voté en 2015 » ; " + YEAR, precision="year")
ev("milestone.reached", "2015-01-01",
   {"title": "Label Territoire zéro déchet zéro gaspillage (TZDZG) obtenu par l'Eurométropole", "kind": "label"},
   note=YEAR, precision="year")
ev("milestone.reached", "2015-01-01",
   {"title": "Contribution de l'ESS à la convention-cadre du Contrat de ville de l'Eurométropole", "kind": "other"},
   note=YEAR, precision="year")
ev("milestone.reached", "2015-01-01",
   {"title": "Convention pluriannuelle d'objectifs et de moyens avec Colecosol", "kind": "other"},
   note=YEAR, precision="year")
ev("conseil.workshop-held", "2015-06-25",
   {"theme": "Séminaire : actualisation de la feuille de route économique de l'Eurométropole", "participants": 50},
   note="séance en séminaire ; participants non publiés : estimation")
ev("milestone.reached", "2015-11-01",
   {"title": "Label « Territoire de commerce équitable » pour la Ville et l'Eurométropole de Strasbourg",
    "kind": "label"}, note=MONTH, precision="month")
ev("milestone.reached", "2016-01-01",
   {"title": "Premier Marché OFF de Noël (CRESS, Chambre de consommation d'Alsace, Pôle ESS, Colecosol)",
    "kind": "event"}, note="« depuis 2016 » ; " + YEAR, precision="year")
ev("milestone.reached", "2016-01-01",
   {"title": "Marché de l'ESS en préfiguration au week-end « À la Conquête de l'Est »", "kind": "event"},
   note=YEAR, precision="year")
ev("indicator.reported", "2016-01-01",
   {"indicator": "conquete-est.attendees", "value": 40000, "unit": "persons",
    "scope": "Week-end « À la Conquête de l'Est »"}, note="40 000 personnes ; " + YEAR, precision="year")
ev("indicator.reported", "2016-01-01",
   {"indicator": "conquete-est.ess-structures", "value": 10, "unit": "count",
    "scope": "Week-end « À la Conquête de l'Est »"}, note="10 structures de l'ESS ; " + YEAR, precision="year")
ev("milestone.reached", "2016-06-16",
   {"title": "Lancement du Conseil local du commerce équitable de Strasbourg", "kind": "founding"})
ev("milestone.reached", "2016-10-01",
   {"title": "Dépôt de la candidature « Capitale verte européenne »", "kind": "other"},
   note=MONTH, precision="month")
ev("milestone.reached", "2016-11-20",
   {"title": "Forum ouvert du réseau des initiatives collectives d'habitants", "kind": "event"})
ev("indicator.reported", "2016-11-20",
   {"indicator": "forum-ouvert.attendees", "value": 70, "unit": "persons",
    "scope": "Forum ouvert des initiatives collectives d'habitants"}, note="« environ 70 personnes »")
ev("indicator.reported", "2016-11-20",
   {"indicator": "forum-ouvert.project-ideas", "value": 10, "unit": "count",
    "scope": "Forum ouvert des initiatives collectives d'habitants"}, note="« une dizaine d'idées de projets »")
ev("milestone.reached", "2016-12-01",
   {"title": "Rapport du GECES remis à la Commission européenne", "kind": "other"},
   note="rapport remis le 1er décembre 2016")
ev("milestone.reached", "2017-01-01",
   {"title": "Renouvellement du label « Territoire de commerce équitable »", "kind": "label"},
   note=YEAR, precision="year")
ev("milestone.reached", "2017-01-01",
   {"title": "« COOP 2019 — Dernier week-end avant travaux » : deux jours de festivité à la COOP", "kind": "event"},
   note=YEAR, precision="year")
ev("conseil.plenary-held", "2017-04-06",
   {"title": "Séance exceptionnelle : examen du rapport du GECES", "participants": 100}, note=EST_PL)
ev("milestone.reached", "2017-12-08",
   {"title": "Rencontres nationales du commerce équitable, avec Colecosol", "kind": "event"})
ev("milestone.reached", "2018-01-01",
   {"title": "Création de la bannière nationale French Impact", "kind": "other"},
   note="« bannière nationale créée en 2018 » ; " + YEAR, precision="year")
ev("milestone.reached", "2018-03-01",
   {"title": "Délibérations adoptant le Schéma de promotion des achats socialement et écologiquement responsables (SPASER)",
    "kind": "deliberation"}, note="délibérations de mars 2018 ; " + MONTH, precision="month")
ev("conseil.plenary-held", "2018-09-14",
   {"title": "Séance exceptionnelle : accueil de la Commission européenne (programme ESER, European Social Economy Region)",
    "participants": 100, "guests": ["Commission européenne"]}, note=EST_PL)
ev("milestone.reached", "2018-10-01",
   {"title": "Deuxième dépôt de la candidature « Capitale verte européenne »", "kind": "other"},
   note=MONTH, precision="month")
ev("milestone.reached", "2018-12-01",
   {"title": "Strasbourg désignée Capitale européenne de l'ESS 2019 (annonce du Haut-Commissaire, French Impact Tour)",
    "kind": "award"}, note="annonce de décembre 2018 ; " + MONTH, precision="month")
ev("milestone.reached", "2019-01-01",
   {"title": "Strasbourg et l'Eurométropole, Capitale européenne de l'ESS 2019", "kind": "label"},
   note="titre porté en 2019 ; " + YEAR)
ev("milestone.reached", "2019-01-01",
   {"title": "Cahier des charges de la Vitrine de l'ESS diffusé aux structures de l'achat responsable",
    "kind": "other"}, note="« début 2019 » ; " + YEAR)
ev("conseil.plenary-held", "2019-02-05",
   {"title": "Feuille de route de l'année Capitale européenne de l'ESS", "participants": 100}, note=EST_PL)
ev("milestone.reached", "2019-04-01",
   {"title": "Candidature « Capitale verte européenne » short-listée", "kind": "other"},
   note=MONTH, precision="month")
ev("milestone.reached", "2019-04-02",
   {"title": "Lancement de l'année Capitale européenne de l'ESS, avec forum des projets", "kind": "event"})
ev("milestone.reached", "2019-01-01",
   {"title": "Lancement de la plateforme de matchfunding Okoté", "kind": "founding"},
   note="année Capitale européenne de l'ESS ; " + YEAR, precision="year")
ev("milestone.reached", "2019-01-01",
   {"title": "Lancement des Défis ESS et des circuits tourist'éthiques", "kind": "event"},
   note="année Capitale européenne de l'ESS ; " + YEAR, precision="year")
ev("milestone.reached", "2019-01-01",
   {"title": "Manifestation « Économie sociale, engager les territoires » avec le CESE", "kind": "event"},
   note="année Capitale européenne de l'ESS ; " + YEAR, precision="year")
ev("indicator.reported", "2019-01-01",
   {"indicator": "defi-ess-recrute.companies", "value": 100, "unit": "count",
    "scope": "Défi « l'économie sociale et solidaire recrute ! »"},
   note="« 100 entreprises du territoire s'engagent » ; " + YEAR, precision="year")
ev("milestone.reached", "2021-06-01",
   {"title": "Nouveau SPASER délibéré", "kind": "deliberation"}, note="juin 2021 ; " + MONTH, precision="month")
ev("conseil.plenary-held", "2021-09-15",
   {"title": "Séance ouverte aux réseaux nationaux et européens : co-construction de « L'économie sociale, le futur de l'Europe »",
    "participants": 100}, note=EST_PL)

# ---------------------------------------------------------------- Pôle territorial (9 novembre 2021)
cited = [  # structures cited in the document
    ("cress-grand-est", "CRESS Grand Est", "association"),
    ("kaleidoscoop", "KaléidosCOOP", "autre"),
    ("cooproduction", "Cooproduction", "cooperative"),
    ("colecosol", "Colecosol", "association"),
    ("emmaus-mundo", "Emmaüs Mundo", "association"),
    ("lire-et-faire-lire-67", "Lire et faire lire Bas-Rhin", "association"),
    ("france-active-alsace", "France Active Alsace", "association"),
    ("activ-action", "Activ'action", "association"),
    ("regie-des-ecrivains", "Régie des écrivains", "siae"),
    ("ursiea", "URSIEA", "association"),
    ("chambre-consommation-alsace", "Chambre de consommation d'Alsace", "association"),
    ("vetis", "Vetis", "siae"),
    ("le-relais-est", "Le Relais Est", "siae"),
    ("horizon-amitie", "Horizon Amitié", "association"),
    ("siel-bleu", "Siel Bleu", "association"),
    ("byfurk", "Byfurk", "cooperative"),
    ("coopalim", "Coopalim", "cooperative"),
    ("vrac-strasbourg", "VRAC Strasbourg", "association"),
    ("logiservices", "Logiservices", "siae"),
    ("csc-escale", "Centre socioculturel de l'Escale", "association"),
    ("csc-ares", "Centre socioculturel de l'Ares", "association"),
    ("semia", "Semia", "association"),
]
generic = [
    ("association-quartier-neuhof", "Association de quartier du Neuhof", "association", "Strasbourg"),
    ("epicerie-solidaire-cronenbourg", "Épicerie solidaire de Cronenbourg", "association", "Strasbourg"),
    ("jardins-insertion-robertsau", "Jardins d'insertion de la Robertsau", "siae", "Strasbourg"),
    ("recyclerie-port-du-rhin", "Recyclerie du Port du Rhin", "association", "Strasbourg"),
    ("scic-mobilite-solidaire", "SCIC de mobilité solidaire", "cooperative", "Strasbourg"),
    ("mutuelle-solidaire-alsace", "Mutuelle solidaire d'Alsace", "mutuelle", "Strasbourg"),
    ("fondation-solidarite-locale", "Fondation pour la solidarité locale", "fondation", "Strasbourg"),
    ("entreprise-sociale-schiltigheim", "Entreprise sociale du numérique de Schiltigheim", "entreprise-sociale",
     "Schiltigheim"),
]
GA = "2021-11-09"
pole_rec = lag(D(GA), 4, 8)
NOTE_CITED = ("AG constitutive du 9 novembre 2021, une trentaine de structures ; structure citée dans le bilan, "
              "liste des adhérents illustrative")
NOTE_GEN = ("AG constitutive du 9 novembre 2021, une trentaine de structures ; nom générique, "
            "liste des adhérents illustrative")
members = []
for mid, name, form in cited:
    ev("pole.member-joined", GA, {"memberId": mid, "name": name, "legalForm": form, "city": "Strasbourg"},
       note=NOTE_CITED, rec=pole_rec, order=1)
    members.append(mid)
for mid, name, form, city in generic:
    ev("pole.member-joined", GA, {"memberId": mid, "name": name, "legalForm": form, "city": city},
       note=NOTE_GEN, rec=pole_rec, order=1)
    members.append(mid)
assert len(members) == 30 and len(set(members)) == 30
board = ["cress-grand-est", "kaleidoscoop", "cooproduction", "colecosol", "emmaus-mundo", "france-active-alsace",
         "activ-action", "regie-des-ecrivains", "ursiea", "chambre-consommation-alsace", "vetis", "byfurk",
         "coopalim", "association-quartier-neuhof", "recyclerie-port-du-rhin"]
assert len(board) == 15 and set(board) <= set(members)
ev("pole.board-elected", GA, {"memberIds": board},
   note="élection d'un bureau de quinze membres à l'AG constitutive ; composition illustrative",
   rec=pole_rec, order=2)
ev("pole.general-assembly-held", GA, {"attendees": 30, "title": "Assemblée générale constitutive du Pôle ESS"},
   note="« une trentaine de structures », 30 retenu", rec=pole_rec, order=3)
ev("milestone.reached", GA, {"title": "Création du Pôle territorial de l'ESS Strasbourg Eurométropole", "kind": "founding"},
   note="assemblée générale constitutive", rec=pole_rec, order=4)

# ---------------------------------------------------------------- 2022: manifestation européenne
MAN = "L'économie sociale, le futur de l'Europe"
ev("milestone.reached", "2022-05-05",
   {"title": "Manifestation européenne « L'économie sociale, le futur de l'Europe » (Présidence française de l'UE)",
    "kind": "event"}, note="5 et 6 mai 2022, 1er jour retenu")
man_rec = lag(D("2022-05-06"), 10, 25)
for ind, val, unit, note in [
    ("manifestation.attendees", 1400, "persons", "1400 personnes présentes physiquement à Strasbourg"),
    ("manifestation.registrations", 2000, "persons", "« près de 2000 inscrits », 2000 retenu"),
    ("manifestation.countries", 65, "count", "participants originaires de 65 pays"),
    ("manifestation.sessions", 115, "count", "115 ateliers, conférences et animations sur deux jours"),
    ("manifestation.visits", 5, "count", "5 visites tourist'éthiques"),
    ("manifestation.thematic-paths", 6, "count", "6 parcours thématiques"),
    ("manifestation.insertion-hours", 768, "hours", "768 h d'insertion des agents de passation des questionnaires"),
    ("manifestation.training-hours", 256, "hours", "256 h de formation des agents de passation des questionnaires"),
    ("manifestation.ess-revenue", 377000, "EUR", "48 % du chiffre d'affaires attribué à l'ESS, soit 377 000 €"),
    ("manifestation.ess-revenue-share", 48, "percent", "48 % du chiffre d'affaires attribué à l'ESS"),
    ("manifestation.satisfaction", 66, "percent", "participants ayant trouvé ce qu'ils étaient venus chercher : 66 %"),
    ("manifestation.satisfaction-beyond", 24, "percent", "« et plus encore, à 24 % »"),
    ("manifestation.programme-praised", 77, "percent", "« saluant un programme riche à 77 % »"),
]:
    ev("indicator.reported", "2022-05-05", {"indicator": ind, "value": val, "unit": unit, "scope": MAN},
       note=note + " ; 5 et 6 mai 2022, 1er jour retenu", rec=man_rec)

# ---------------------------------------------------------------- 2022: SPASER
NOTE_C = ("SPASER, chiffres 2022 : clauses sociales dans 23 % des marchés, clauses environnementales 41 %, "
          "70 % TPE/PME, 70 % entreprises du Bas-Rhin, près de 18 M€ à l'ESS ; liste de marchés illustrative "
          "reconstituée pour totaliser ces chiffres")
NOTE_R = ("SPASER, chiffres 2022 : 483 442 h d'insertion dont 4 580 h de formation, 486 bénéficiaires dont 24 % "
          "en QPV ; ventilation par marché et par semestre illustrative")

N_CONTRACTS = 100
# ESS contracts: (title, buyer, awardee, insertion-type work?)
ESS_TITLES = [
    ("Entretien des espaces verts, lot 1", "eurometropole", "Entreprise d'insertion des espaces verts (illustratif)", True),
    ("Nettoyage des locaux administratifs, lot 1", "ville", "Atelier chantier d'insertion propreté (illustratif)", True),
    ("Collecte et réemploi des encombrants", "eurometropole", "Ressourcerie solidaire (illustratif)", True),
    ("Entretien des berges et des canaux", "eurometropole", "Chantier d'insertion nature et rivières (illustratif)", True),
    ("Nettoyage des écoles maternelles, lot 1", "ville", "Régie de quartier (illustratif)", True),
    ("Blanchisserie des crèches municipales", "ville", "ESAT de blanchisserie (illustratif)", True),
    ("Restauration scolaire : fourniture de denrées bio et équitables, lot 1", "ville",
     "Coopérative de producteurs bio (illustratif)", False),
    ("Tri et recyclage des papiers de bureau", "eurometropole", "Entreprise adaptée de tri (illustratif)", True),
    ("Réparation et entretien des vélos de service", "eurometropole", "Atelier vélo d'insertion (illustratif)", True),
    ("Déménagements et manutention", "ville", "Association intermédiaire de manutention (illustratif)", True),
    ("Vêtements professionnels en coton équitable", "eurometropole", "SCOP textile équitable (illustratif)", False),
    ("Premier marché en réemploi (pépinière de Hautepierre)", "ville", "Structure de réemploi solidaire (illustratif)", True),
    ("Traiteur solidaire pour les réceptions municipales", "ville", "Traiteur d'insertion (illustratif)", True),
    ("Entretien des aires de jeux", "ville", "Régie de quartier (illustratif)", True),
    ("Gestion d'une ressourcerie de mobilier de bureau", "eurometropole", "Ressourcerie solidaire (illustratif)", True),
    ("Nettoyage des gymnases", "ville", "Atelier chantier d'insertion propreté (illustratif)", True),
    ("Signalétique événementielle en matériaux de réemploi", "eurometropole", "SCIC de l'économie circulaire (illustratif)", False),
    ("Entretien des cimetières", "ville", "Entreprise d'insertion des espaces verts (illustratif)", True),
    ("Débarras et valorisation des logements vacants", "eurometropole", "Ressourcerie solidaire (illustratif)", True),
    ("Conciergerie solidaire des agents", "eurometropole", "Conciergerie d'insertion (illustratif)", True),
]
# other contracts: (title with lot, buyer, sector, works/services open to insertion?)
OTHER_TITLES = [
    ("Travaux de voirie, lot {n}", "eurometropole", "de travaux publics", True),
    ("Maintenance de l'éclairage public, lot {n}", "eurometropole", "d'éclairage public", False),
    ("Fournitures de bureau, lot {n}", "ville", "de fournitures de bureau", False),
    ("Location et maintenance de copieurs, lot {n}", "eurometropole", "de bureautique", False),
    ("Transport scolaire, lot {n}", "eurometropole", "de transport de voyageurs", False),
    ("Gardiennage des bâtiments publics, lot {n}", "ville", "de sécurité", True),
    ("Travaux de peinture dans les écoles, lot {n}", "ville", "de peinture", True),
    ("Prestations informatiques et infogérance, lot {n}", "eurometropole", "de services numériques", False),
    ("Élagage des arbres d'alignement, lot {n}", "eurometropole", "d'élagage", True),
    ("Fourniture de plants et de végétaux, lot {n}", "ville", "horticole", False),
    ("Travaux de menuiserie, lot {n}", "ville", "de menuiserie", True),
    ("Distributeurs de boissons chaudes avec produits équitables, lot {n}", "eurometropole",
     "de distribution automatique", False),
    ("Rénovation énergétique de bâtiments scolaires, lot {n}", "ville", "du bâtiment", True),
    ("Fourniture de mobilier scolaire, lot {n}", "ville", "de mobilier", False),
    ("Maintenance des ascenseurs, lot {n}", "eurometropole", "d'ascenseurs", False),
    ("Nettoyage des vitres, lot {n}", "eurometropole", "de propreté", True),
    ("Fourniture de véhicules électriques, lot {n}", "eurometropole", "automobile", False),
    ("Entretien des réseaux d'assainissement, lot {n}", "eurometropole", "d'assainissement", True),
    ("Prestations de traiteur avec produits équitables, lot {n}", "ville", "de traiteur", False),
    ("Fourniture de denrées pour la cantine des agents, lot {n}", "eurometropole", "de restauration collective", False),
]
N_ESS = len(ESS_TITLES)
assert N_ESS == 20
ESS_TOTAL_CENTS = 17_950_000_00
w = [rng.uniform(0.3, 2.5) for _ in range(N_ESS)]
ess_amounts = [int(ESS_TOTAL_CENTS * x / sum(w) / 100) * 100 + rng.choice([0, 0, 50, 25, 80]) for x in w]
ess_amounts[-1] += ESS_TOTAL_CENTS - sum(ess_amounts)
assert sum(ess_amounts) == ESS_TOTAL_CENTS and min(ess_amounts) > 0
other_amounts = [int(rng.lognormvariate(13.0, 0.9)) * 100 + rng.choice([0, 0, 0, 50])
                 for _ in range(N_CONTRACTS - N_ESS)]

days2022 = [dt.date(2022, 1, 3) + dt.timedelta(days=i) for i in range(360)]
days2022 = [d for d in days2022 if d.weekday() < 5 and d <= dt.date(2022, 12, 16)]
award_dates = sorted(rng.sample(days2022, N_CONTRACTS))

idx = list(range(N_CONTRACTS))
rng.shuffle(idx)
ess_set = set(idx[:N_ESS])
# titles per contract index
spec = {}
ei = oi = 0
for i in range(N_CONTRACTS):
    if i in ess_set:
        spec[i] = ("ess",) + ESS_TITLES[ei] + (ess_amounts[ei],)
        ei += 1
    else:
        t = OTHER_TITLES[oi % len(OTHER_TITLES)]
        spec[i] = ("other", t[0].format(n=oi // len(OTHER_TITLES) + 1), t[1], t[2], t[3], other_amounts[oi])
        oi += 1
non_ess = [i for i in range(N_CONTRACTS) if i not in ess_set]
ess_list = sorted(ess_set)
LAST_SOCIAL = dt.date(2022, 9, 30)  # at least a quarter of hours to report in 2022
elig_ess = [i for i in ess_list if spec[i][4] and award_dates[i] <= LAST_SOCIAL]
elig_oth = [i for i in non_ess if spec[i][4] and award_dates[i] <= LAST_SOCIAL]
social = set(rng.sample(elig_ess, 15)) | set(rng.sample(elig_oth, 8))
env = set(rng.sample(ess_list, 12)) | set(rng.sample(non_ess, 29))
sme = set(ess_list) | set(rng.sample(non_ess, 50))
local = set(ess_list) | set(rng.sample(non_ess, 50))
assert (len(social), len(env), len(sme), len(local)) == (23, 41, 70, 70)

counters = {"ville": 0, "eurometropole": 0}
contracts = []
for i in range(N_CONTRACTS):
    kind, title, buyer, who, _, cents = spec[i]
    if kind == "ess":
        awardee = who
    elif i in sme and i in local:
        awardee = f"PME bas-rhinoise {who} (illustratif)"
    elif i in sme:
        awardee = f"PME {who} hors Bas-Rhin (illustratif)"
    elif i in local:
        awardee = f"Agence bas-rhinoise d'un groupe {who} (illustratif)"
    else:
        awardee = f"Groupe national {who} (illustratif)"
    counters[buyer] += 1
    cid = f"{'vds' if buyer == 'ville' else 'ems'}-2022-{counters[buyer]:04d}"
    fair = "équitable" in title
    data = {"contractId": cid, "title": title, "buyer": buyer, "awardee": awardee, "amountEUR": money(cents),
            "socialClause": i in social, "environmentalClause": i in env, "fairTradeClause": fair,
            "awardeeIsESS": i in ess_set, "awardeeIsSME": i in sme, "awardeeIsLocal": i in local}
    e = ev("procurement.contract-awarded", award_dates[i].isoformat(), data, note=NOTE_C,
           rec=lag(award_dates[i], 5, 20))
    contracts.append((i, cid, award_dates[i], cents, e))

# one insertion report per clausé contract, period from the award to 31 December 2022
H2 = dt.date(2022, 12, 31)
reports = []  # (cid, months active, weight, contract event)
for i, cid, ad, cents, e in contracts:
    if i in social:
        months = (H2 - ad).days / 30.44
        reports.append((cid, months, cents * months, e))


def apportion(total, weights, minimum=0, caps=None):
    n = len(weights)
    rest = total - minimum * n
    sw = sum(weights)
    raw = [rest * x / sw for x in weights]
    res = [minimum + int(r) for r in raw]
    order = sorted(range(n), key=lambda k: raw[k] - int(raw[k]), reverse=True)
    for k in order[:total - sum(res)]:
        res[k] += 1
    assert sum(res) == total
    if caps:
        assert all(r <= c for r, c in zip(res, caps)), (res, caps)
    return res


hours = apportion(483442, [r[2] for r in reports], minimum=1000)
# hours per beneficiary grows with the months worked: beneficiaries ∝ hours / months
bens = apportion(486, [h / r[1] for h, r in zip(hours, reports)], minimum=1)
training = apportion(4580, hours, caps=hours)
qpv = apportion(117, bens, caps=bens)
rep_rec = lag(dt.date(2023, 2, 10), 1, 5)
typo = None
for (cid, months, _, ce), h, t, b, q in zip(reports, hours, training, bens, qpv):
    assert rep_rec > ce["_rec"]
    right = {"contractId": cid, "insertionHours": h, "trainingHours": t, "beneficiaries": b, "beneficiariesInQPV": q}
    data = dict(right)
    if typo is None:
        # Illustrates the audit trail: the first report is entered with 10 000 hours too many,
        # then corrected a month later (ess history shows both changes and the reason).
        data["insertionHours"] = h + 10000
    e = ev("procurement.insertion-hours-reported", H2.isoformat(), data,
           note=NOTE_R + " ; période de l'attribution au 31 décembre 2022", rec=rep_rec, order=5)
    if typo is None:
        typo = (e, right)
fix_rec = dt.datetime(2023, 3, 16, 9, 41, 7, 512000, tzinfo=dt.timezone.utc)
fix = ev("event.corrected", "2023-03-16", {"target": 0, "data": typo[1]},
         note="correction illustrative : rapport du titulaire corrigé", rec=fix_rec,
         reason="Erreur de saisie : 10 000 heures d'insertion comptées deux fois dans le rapport du titulaire")

NOTE_T = ("« démarrage d'un repérage des marchés publics infructueux » ; appel d'offres illustratif")
ev("procurement.tender-unsuccessful", "2022-04-12",
   {"tenderId": "ems-2022-ao-0117", "title": "Collecte et valorisation des biodéchets de restauration collective, lot 2"},
   note=NOTE_T)
ev("procurement.tender-unsuccessful", "2022-09-27",
   {"tenderId": "vds-2022-ao-0342", "title": "Réparation et remise en état de mobilier de bureau"}, note=NOTE_T)
ev("milestone.reached", "2022-01-01",
   {"title": "1er marché public d'achat de vêtements professionnels en coton équitable (Eurométropole)",
    "kind": "other"}, note=YEAR, precision="year")

# ---------------------------------------------------------------- 2022: Okoté
NOTE_O = ("Okoté 2022 : 16 campagnes en Alsace, plus de 1000 citoyens mobilisés, 56 entreprises engagées, "
          "228 k€ récoltés ; campagnes, dates et contributions illustratives, contributeurs pseudonymes")
NOTE_P = "Okoté 2022 : 228 k€ récoltés ; contribution illustrative, contributeur pseudonyme"
campaigns = [
    # id, project, region, open, days, citizen weight, companies, public funders, funded
    ("okote-2022-01", "Épicerie solidaire du Neuhof", "Strasbourg — Neuhof", "2022-01-17", 42, 9, 4, ["pub-ville"], True),
    ("okote-2022-02", "Recyclerie du Port du Rhin", "Strasbourg — Port du Rhin", "2022-02-07", 45, 8, 4, ["pub-eurometropole"], True),
    ("okote-2022-03", "Vélo-école solidaire de Hautepierre", "Strasbourg — Hautepierre", "2022-02-28", 40, 6, 3, ["pub-ville"], True),
    ("okote-2022-04", "Café associatif de Cronenbourg", "Strasbourg — Cronenbourg", "2022-03-14", 45, 7, 4, ["pub-ville"], True),
    ("okote-2022-05", "Jardin partagé de la Meinau", "Strasbourg — Meinau", "2022-04-04", 35, 5, 3, ["pub-ville"], True),
    ("okote-2022-06", "Atelier de réparation de vélos de Koenigshoffen", "Strasbourg — Koenigshoffen", "2022-04-25", 40, 6, 3, ["pub-ville"], True),
    ("okote-2022-07", "Friperie solidaire de Schiltigheim", "Schiltigheim", "2022-05-09", 42, 6, 4, ["pub-eurometropole"], True),
    ("okote-2022-08", "Cuisine partagée de l'Esplanade", "Strasbourg — Esplanade", "2022-05-30", 38, 5, 3, ["pub-ville"], True),
    ("okote-2022-09", "Tiers-lieu culturel d'Illkirch-Graffenstaden", "Illkirch-Graffenstaden", "2022-06-13", 45, 6, 4, ["pub-eurometropole"], True),
    ("okote-2022-10", "Ressourcerie de Haguenau", "Haguenau", "2022-09-05", 40, 6, 4, ["pub-cea"], True),
    ("okote-2022-11", "Conciergerie solidaire de Sélestat", "Sélestat", "2022-09-19", 40, 4, 3, ["pub-cea"], True),
    ("okote-2022-12", "Épicerie vrac coopérative de Colmar", "Colmar", "2022-10-03", 42, 7, 4, ["pub-cea"], True),
    ("okote-2022-13", "Garage solidaire de Mulhouse", "Mulhouse", "2022-10-10", 45, 6, 4, ["pub-cea"], True),
    ("okote-2022-14", "Repair café itinérant de Saverne", "Saverne", "2022-10-17", 40, 3, 2, [], False),
    ("okote-2022-15", "Bibliothèque d'objets de Bischheim", "Bischheim", "2022-10-24", 42, 5, 3, ["pub-eurometropole"], True),
    ("okote-2022-16", "Boutique solidaire de la Robertsau", "Strasbourg — Robertsau", "2022-11-02", 40, 6, 4, ["pub-ville"], True),
]
assert len(campaigns) == 16 and sum(c[6] for c in campaigns) == 56
N_CIT = 1001
cit_counts = apportion(N_CIT, [c[5] for c in campaigns], minimum=20)
CIT_AMOUNTS = [1000, 1500, 2000, 2500, 3000, 4000, 5000, 5000, 5000, 6000, 7500, 8000, 10000, 10000, 10000,
               12000, 15000, 20000]  # cents... multiplied below
hab = 0
ent = 0
TOTAL_OKOTE = 228_000_00
plan = []  # per campaign: list of (date, kind, id, cents)
cit_total = 0
for (cid, project, region, op, days, _, ncomp, pubs, funded), ncit in zip(campaigns, cit_counts):
    opd = D(op)
    cld = opd + dt.timedelta(days=days)
    assert cld.year == 2022
    pl = []
    for _ in range(ncit):
        hab += 1
        cents = rng.choice(CIT_AMOUNTS) * (1 if funded else 1)
        cents = cents * 1  # citizen amounts 10-200 €
        d = opd + dt.timedelta(days=rng.randint(0, days))
        pl.append([d, "citizen", f"hab-{hab:04d}", cents])
        cit_total += cents
    plan.append(((cid, project, region, opd, cld, ncomp, pubs, funded), pl))
# public match: 1 € of the institution for 1 € of residents (rounded to 10 €), per funded campaign
pub_total = 0
for (meta, pl) in plan:
    cid, project, region, opd, cld, ncomp, pubs, funded = meta
    csum = sum(p[3] for p in pl if p[1] == "citizen")
    for k, pub in enumerate(pubs):
        cents = round(csum / len(pubs) / 1000) * 1000
        d = cld - dt.timedelta(days=rng.randint(0, 4))
        pl.append([d, "public", pub, cents])
        pub_total += cents
comp_total = TOTAL_OKOTE - cit_total - pub_total
comp_w = []
for (meta, pl) in plan:
    csum = sum(p[3] for p in pl if p[1] == "citizen")
    for _ in range(meta[5]):
        comp_w.append(csum / meta[5] * rng.uniform(0.6, 1.4) * (1 if meta[7] else 0.4))
comp_amounts = [round(comp_total * x / sum(comp_w) / 1000) * 1000 for x in comp_w]
comp_amounts[0] += comp_total - sum(comp_amounts)
assert sum(comp_amounts) == comp_total and min(comp_amounts) > 0
k = 0
for (meta, pl) in plan:
    opd, cld, ncomp = meta[3], meta[4], meta[5]
    for _ in range(ncomp):
        ent += 1
        d = opd + dt.timedelta(days=rng.randint(0, (cld - opd).days))
        pl.append([d, "company", f"ent-{ent:03d}", comp_amounts[k]])
        k += 1
assert ent == 56 and hab == N_CIT
for (meta, pl) in plan:
    cid, project, region, opd, cld, ncomp, pubs, funded = meta
    total = sum(p[3] for p in pl)
    target = (total * 95 // 100) // 50000 * 50000 if funded else -(-total * 16 // 10 // 100000) * 100000
    assert (total >= target) == funded
    op_e = ev("okote.campaign-opened", opd.isoformat(),
              {"campaignId": cid, "project": project, "targetEUR": money(target), "region": region},
              note=NOTE_O, rec=lag(opd, 1, 6))
    batch = lag(cld, 3, 12)
    assert batch > op_e["_rec"]
    pl.sort(key=lambda p: (p[0], p[2]))
    for d, kind, who, cents in pl:
        assert opd <= d <= cld
        ev("okote.pledge-made", d.isoformat(),
           {"campaignId": cid, "contributorKind": kind, "contributorId": who, "amountEUR": money(cents)},
           note=NOTE_P, rec=batch, order=6)
    ev("okote.campaign-closed", cld.isoformat(), {"campaignId": cid, "outcome": "funded" if funded else "not-funded"},
       note=NOTE_O, rec=batch, order=7)

# ---------------------------------------------------------------- 2022: books, Marché OFF
NOTE_B = ("compteur « 10 livres donnés = 1 € reversé à Lire et faire lire » : 4 265 livres collectés, 426,50 € "
          "reversés ; total rattaché à 2022, répartition trimestrielle illustrative")
for on, n in [("2022-03-31", 812), ("2022-06-30", 1104), ("2022-09-30", 947), ("2022-12-31", 1402)]:
    ev("books.donation-counted", on, {"books": n}, note=NOTE_B)
ev("marcheoff.edition-reported", "2022-12-24",
   {"edition": 2022, "exhibitors": 32, "partners": 33, "eventsCount": 130, "revenueEUR": 435000,
    "opensOn": "2022-11-25", "closesOn": "2022-12-24"},
   note="Marché OFF 2022 du 25 novembre au 24 décembre : 32 exposants, 33 partenaires associatifs, "
        "130 événements, chiffre d'affaires « environ 435 000 € » ; date du rapport : dernier jour du marché")
ev("milestone.reached", "2022-12-24",
   {"title": "Niveau 2 du label Eco-Manifestations Alsace pour le Marché OFF de Noël 2022", "kind": "label"},
   note="obtenu pour l'édition 2022 (25 novembre - 24 décembre), date non précisée : dernier jour du marché retenu")
ev("milestone.reached", "2022-12-01",
   {"title": "Questionnaire sur la mesure d'impact diffusé à toutes les structures de l'ESS de l'Eurométropole",
    "kind": "other"}, note="décembre 2022 ; " + MONTH, precision="month")

# ---------------------------------------------------------------- 2023
ev("milestone.reached", "2023-01-01",
   {"title": "Ouverture de KaléidosCOOP et de la Coopette, vitrine de l'ESS, à la COOP", "kind": "event"},
   note="janvier 2023 ; " + MONTH, precision="month")
ev("milestone.reached", "2023-01-01",
   {"title": "Feuille de route stratégique du Territoire 100 % apprenant écrite collectivement", "kind": "other"},
   note="janvier 2023 ; " + MONTH, precision="month")
ev("indicator.reported", "2023-01-01",
   {"indicator": "kaleidoscoop.actors", "value": 40, "unit": "count", "scope": "KaléidosCOOP (PTCE)"},
   note="« une quarantaine d'acteurs » ; rattaché à l'ouverture, janvier 2023, " + MONTH, precision="month")
ev("indicator.reported", "2023-01-01",
   {"indicator": "coopette.structures", "value": 10, "unit": "count", "scope": "La Coopette, vitrine de l'ESS"},
   note="« la Coopette représente 10 structures de l'ESS » ; rattaché à l'ouverture, janvier 2023, " + MONTH,
   precision="month")
ev("indicator.reported", "2023-01-01",
   {"indicator": "coopette.surface", "value": 500, "unit": "m2", "scope": "La Coopette, vitrine de l'ESS"},
   note="« environ 500 m² » ; rattaché à l'ouverture, janvier 2023, " + MONTH, precision="month")
ev("milestone.reached", "2023-03-01",
   {"title": "Lancement d'un marché public pour le recueil des témoignages sur la mesure d'impact", "kind": "other"},
   note="mars 2023 ; " + MONTH, precision="month")
for on, m in [("2023-03-01", "mars"), ("2023-05-01", "mai"), ("2023-06-01", "juin")]:
    ev("conseil.workshop-held", on,
       {"theme": "Mesure d'impact : recueil des besoins et construction d'une démarche collective (Territoire 100 % apprenant)",
        "participants": 20},
       note=f"3 ateliers en mars, mai et juin 2023 ; atelier de {m}, {MONTH} ; participants non publiés : estimation",
       precision="month")
ev("pole.general-assembly-held", "2023-04-13",
   {"attendees": 30, "title": "Assemblée générale : projet stratégique du Pôle ESS"},
   note="participants non publiés : estimation, « une trentaine d'adhérents »")
ev("milestone.reached", "2023-04-13",
   {"title": "Projet stratégique pluriannuel du Pôle ESS co-construit en assemblée générale", "kind": "other"})
ev("milestone.reached", "2023-09-01",
   {"title": "Livrable et formation-action « Mesure d'impact : enseignements tirés et partage d'expériences »",
    "kind": "other"}, note="septembre 2023 ; " + MONTH, precision="month")
ev("milestone.reached", "2023-10-01",
   {"title": "Lancement de 2 marchés publics d'accompagnement à la mesure d'impact (structures ESS, Eurométropole)",
    "kind": "other"}, note="octobre/novembre 2023, 1er octobre retenu", precision="month")
ev("milestone.reached", "2023-01-01",
   {"title": "Étude ESCAPE (ANR) sur la co-construction de la politique publique", "kind": "other"},
   note="« nouvelle étude en 2023 » ; " + YEAR, precision="year")
ev("milestone.reached", "2023-01-01",
   {"title": "Co-organisation du Marché de Noël OFF par le Pôle ESS", "kind": "event"},
   note="« co-organisation en 2023 » ; " + YEAR, precision="year")
FORUM = "Forum des métiers porteurs de sens (3e édition)"
NOTE_F = ("année de la 3e édition non précisée, 2023 retenu (estimation), 1er janvier retenu")
ev("indicator.reported", "2023-01-01",
   {"indicator": "forum-metiers-sens.participants", "value": 700, "unit": "persons", "scope": FORUM},
   note="« plus de 700 participants », 700 retenu ; " + NOTE_F, precision="year")
ev("indicator.reported", "2023-01-01",
   {"indicator": "forum-metiers-sens.ess-actors", "value": 50, "unit": "count", "scope": FORUM},
   note="« plus d'une cinquantaine d'acteurs de l'ESS », 50 retenu ; " + NOTE_F, precision="year")
ev("indicator.reported", "2023-01-01",
   {"indicator": "aperos-ess.participants", "value": 20, "unit": "persons",
    "scope": "Apéros de l'ESS mensuels (moyenne par apéro)"},
   note="« en moyenne une vingtaine d'acteurs tous les mois » ; année non précisée, 2023 retenu (estimation), "
        "1er janvier retenu", precision="year")
ev("indicator.reported", "2023-01-01",
   {"indicator": "vises.structures", "value": 5, "unit": "count",
    "scope": "Programme VISES (France Active Alsace), 1re promotion"},
   note="« première promotion du programme VISES avec 5 structures » ; année non précisée, 2023 retenu "
        "(estimation), 1er janvier retenu", precision="year")
CUM = "Conseil de l'ESS, cumul 2010-2023"
NOTE_CUM = "chiffre cumulé sur 13 ans, rattaché à 2023 (année du bilan), 1er janvier retenu"
for ind, val, unit, q in [
    ("conseil.actors", 600, "count", "600 acteurs"),
    ("conseil.elected-officials", 100, "count", "« plus de 100 élus », 100 retenu"),
    ("conseil.agents", 60, "count", "60 agents des deux collectivités"),
    ("conseil.institutional-partners", 30, "count", "30 partenaires institutionnels invités"),
    ("conseil.participants-total", 550, "persons", "« plus de 550 participants sur les 13 années », 550 retenu"),
    ("conseil.workshop-meetings-total", 60, "count", "60 réunions de travail"),
    ("conseil.workshop-participants-total", 400, "persons", "« près de 400 participants », 400 retenu"),
]:
    ev("indicator.reported", "2023-01-01", {"indicator": ind, "value": val, "unit": unit, "scope": CUM},
       note=q + " ; " + NOTE_CUM, precision="year")
ev("conseil.plenary-held", "2023-11-27",
   {"title": "Les transitions avec les acteurs de l'ESS (world café)", "participants": 100}, note=EST_PL)

# ---------------------------------------------------------------- order, ids, write
events.sort(key=lambda e: (e["_rec"], e["_ord"]))
fix["data"]["target"] = next(n for n, e in enumerate(events, 1) if e is typo[0])  # seq = line number
with open(OUT, "w", encoding="utf-8") as f:
    for n, e in enumerate(events, 1):
        assert e["_rec"] < TODAY
        assert e["_rec"].date() > D(e["occurredOn"]) or (e["type"] == "event.corrected" and e["_rec"].date() == D(e["occurredOn"]))
        line = {"id": f"5eed0000-0000-4000-8000-{n:012d}", "type": e["type"], "occurredOn": e["occurredOn"],
                "author": "seed", "source": e["source"], "data": e["data"],
                "recordedAt": e["_rec"].strftime("%Y-%m-%dT%H:%M:%S.") + f"{e['_rec'].microsecond // 1000:03d}Z"}
        if "reason" in e:
            line["reason"] = e["reason"]
        f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
print(len(events), "events written to", OUT)


# Embed the JSON Lines in Swift, so the history is bundled with the program.
with open(OUT, encoding="utf-8") as f:
    data = f.read().rstrip("\n")
assert '"""#' not in data
with open(os.path.join(os.path.dirname(OUT), "SeedHistory+Data.swift"), "w", encoding="utf-8") as f:
    f.write("// Generated from seed-history.jsonl by genseed.py (see SeedHistory.swift). Do not edit by hand:\n"
            "// change genseed.py, run it, and regenerate this file.\n// swift-format-ignore-file\n\n"
            "extension SeedHistory {\n  /// The bundled history as JSON Lines (the envelope of EVENTS.md, with fixed ids and recordedAt).\n"
            "  static let jsonl = #\"\"\"\n" + data + "\n\"\"\"#\n}\n")
os.remove(OUT)
