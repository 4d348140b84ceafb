"""Word lists and text snippets of the demo data (`krm_desktop.model.demo`).

Everything here is invented: names are combinations of common German first and last names, streets are
generic, e-mail domains are the reserved example domains. The texts follow the rule of the case history:
true, provable and free of value judgements ("schildert", "teilt mit", "bittet um").
"""

from __future__ import annotations

FEMALE_FIRST = (
    "Anna", "Birgit", "Carina", "Dana", "Elif", "Franziska", "Gabriele", "Hanna", "Ines", "Jana",
    "Katrin", "Lea", "Maria", "Nadine", "Olga", "Petra", "Ramona", "Sabine", "Tanja", "Ulrike",
    "Vanessa", "Wiebke", "Yvonne", "Zeynep", "Agnieszka", "Bettina", "Claudia", "Doris", "Emine", "Fatma",
)  # fmt: skip
MALE_FIRST = (
    "Ahmet", "Bernd", "Christian", "Dennis", "Emil", "Frank", "Georg", "Hakan", "Igor", "Jan",
    "Kevin", "Lukas", "Marco", "Niklas", "Oliver", "Patrick", "Rainer", "Stefan", "Thomas", "Uwe",
    "Volker", "Waldemar", "Yusuf", "Andrzej", "Björn", "Carsten", "Dirk", "Erik", "Florian", "Mehmet",
)  # fmt: skip
NEUTRAL_FIRST = ("Alex", "Kim", "Robin", "Sascha", "Charlie", "Luca")
LAST_NAMES = (
    "Albers", "Brandt", "Claußen", "Demir", "Ehlers", "Fischer", "Grabowski", "Hansen", "Iwanow", "Jürgensen",
    "Kaya", "Lange", "Meyer", "Nowak", "Otte", "Petersen", "Quast", "Reimers", "Schulz", "Thiele",
    "Ulrich", "Voß", "Wagner", "Yilmaz", "Zimmermann", "Arslan", "Böhm", "Dietrich", "Franke", "Graf",
    "Hoffmann", "Jansen", "Koch", "Lorenz", "Möller", "Neumann", "Ott", "Popescu", "Richter", "Schröder",
    "Sommer", "Tiedemann", "Vogel", "Weber", "Winter", "Wolff", "Ziegler", "Kowalski", "Krüger", "Lehmann",
)  # fmt: skip
STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Lindenweg", "Schulstraße", "Gartenstraße", "Am Markt", "Birkenallee",
    "Mühlenweg", "Kirchplatz", "Rosenstraße", "Friedhofsweg", "Ahornring", "Feldstraße", "Am Sportplatz",
    "Wiesengrund", "Kastanienallee", "Bergstraße", "Waldweg", "Lange Reihe", "Blumenstraße", "Ringstraße",
    "Eichendorffweg", "Goethestraße", "Schillerstraße", "Dorfstraße", "Am Hafen", "Brunnenstraße",
)  # fmt: skip
EMAIL_DOMAINS = ("example.org", "example.com", "example.net")

# (postcode, city, phone area code) per office profile code; the Bundesland decides when the code is unknown.
PLACES_BY_PROFILE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "luebeck": (
        ("23552", "Lübeck", "0451"), ("23554", "Lübeck", "0451"), ("23556", "Lübeck", "0451"),
        ("23558", "Lübeck", "0451"), ("23560", "Lübeck", "0451"), ("23562", "Lübeck", "0451"),
        ("23564", "Lübeck", "0451"), ("23566", "Lübeck", "0451"), ("23568", "Lübeck", "0451"),
        ("23570", "Lübeck", "04502"), ("23611", "Bad Schwartau", "0451"), ("23617", "Stockelsdorf", "0451"),
    ),
    "osnabrueck": (
        ("49074", "Osnabrück", "0541"), ("49076", "Osnabrück", "0541"), ("49078", "Osnabrück", "0541"),
        ("49080", "Osnabrück", "0541"), ("49082", "Osnabrück", "0541"), ("49084", "Osnabrück", "0541"),
        ("49086", "Osnabrück", "0541"), ("49088", "Osnabrück", "0541"), ("49090", "Osnabrück", "0541"),
    ),
    "schwaebisch-hall": (
        ("74523", "Schwäbisch Hall", "0791"), ("74564", "Crailsheim", "07951"), ("74405", "Gaildorf", "07971"),
        ("74532", "Ilshofen", "07904"), ("74572", "Blaufelden", "07953"), ("74541", "Vellberg", "07907"),
        ("74423", "Obersontheim", "07973"), ("74592", "Kirchberg an der Jagst", "07954"),
    ),
    "berlin-pankow": (
        ("13187", "Berlin", "030"), ("13189", "Berlin", "030"), ("13156", "Berlin", "030"),
        ("13158", "Berlin", "030"), ("13086", "Berlin", "030"), ("13088", "Berlin", "030"),
        ("10405", "Berlin", "030"), ("10437", "Berlin", "030"), ("10439", "Berlin", "030"),
        ("13125", "Berlin", "030"), ("13127", "Berlin", "030"), ("13129", "Berlin", "030"),
    ),
    "braunschweig": (
        ("38100", "Braunschweig", "0531"), ("38102", "Braunschweig", "0531"), ("38106", "Braunschweig", "0531"),
        ("38112", "Braunschweig", "0531"), ("38114", "Braunschweig", "0531"), ("38118", "Braunschweig", "0531"),
        ("38120", "Braunschweig", "0531"), ("38122", "Braunschweig", "0531"), ("38124", "Braunschweig", "0531"),
    ),
}  # fmt: skip
PLACES_BY_LAND: dict[str, str] = {"SH": "luebeck", "NI": "osnabrueck", "BW": "schwaebisch-hall", "BE": "berlin-pankow"}
PLACES_FALLBACK = (
    ("12345", "Musterstadt", "01234"), ("12347", "Musterstadt", "01234"), ("12351", "Beispielhausen", "01235"),
    ("12355", "Neudorf", "01236"), ("12359", "Altenberg", "01237"),
)  # fmt: skip
LAND_NAMES = {
    "BB": "Brandenburg", "BE": "Berlin", "BW": "Baden-Württemberg", "BY": "Bayern", "HB": "Bremen",
    "HE": "Hessen", "HH": "Hamburg", "MV": "Mecklenburg-Vorpommern", "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz", "SH": "Schleswig-Holstein", "SL": "Saarland",
    "SN": "Sachsen", "ST": "Sachsen-Anhalt", "TH": "Thüringen",
}  # fmt: skip
# First digits of Kundennummer (3 digits) and BG-Nummer (5 digits): invented office keys per profile.
NUMBER_PREFIX = {
    "luebeck": ("235", "23501"),
    "osnabrueck": ("491", "49101"),
    "schwaebisch-hall": ("745", "74501"),
    "berlin-pankow": ("131", "13101"),
    "braunschweig": ("381", "38101"),
}

# (team name, Bereich, weight of the team among cases)
TEAMS = (
    ("Eingangszone", "Bereich 40 Service und Eingang", 8),
    ("Team 411 Leistungsgewährung", "Bereich 41 Leistung", 22),
    ("Team 412 Leistungsgewährung", "Bereich 41 Leistung", 20),
    ("Team 413 Unterhalt und Erstattung", "Bereich 41 Leistung", 5),
    ("Team 421 Arbeitsvermittlung U25", "Bereich 42 Markt und Integration U25", 9),
    ("Team 431 Markt und Integration", "Bereich 43 Markt und Integration", 14),
    ("Team 432 Markt und Integration", "Bereich 43 Markt und Integration", 11),
    ("Team 433 Reha und Schwerbehinderung", "Bereich 43 Markt und Integration", 4),
    ("Team 441 Selbstständige", "Bereich 41 Leistung", 4),
    ("Team 451 Bildung und Teilhabe", "Bereich 40 Service und Eingang", 3),
)

# Complaints: (topic, subject, situation). {wer} is "Die Kundin", "Der Kunde", … ; {team} the team name.
COMPLAINTS = (
    ("Erreichbarkeit", "Telefonische Erreichbarkeit", "{wer} schildert, dass das Servicecenter über mehrere Tage nicht erreichbar war und Rückrufbitten nicht beantwortet wurden."),
    ("Erreichbarkeit", "Keine Antwort auf E-Mails", "{wer} teilt mit, auf drei E-Mails an das Postfach von {team} keine Antwort erhalten zu haben."),
    ("Bearbeitungsdauer", "Dauer der Antragsbearbeitung", "{wer} schildert, dass der Weiterbewilligungsantrag seit mehreren Wochen nicht beschieden ist."),
    ("Bearbeitungsdauer", "Offener Erstantrag", "{wer} teilt mit, dass über den Erstantrag noch nicht entschieden wurde und die Miete fällig ist."),
    ("Bearbeitungsdauer", "Nachzahlung steht aus", "{wer} bittet um Auskunft, wann die angekündigte Nachzahlung angewiesen wird."),
    ("Umgangston", "Gesprächsführung am Schalter", "{wer} schildert ein Gespräch in der Eingangszone und empfand die Gesprächsführung als unfreundlich."),
    ("Umgangston", "Verlauf eines Beratungsgesprächs", "{wer} schildert, sich im Beratungsgespräch nicht ausreichend angehört gefühlt zu haben."),
    ("Bescheid verständlich", "Bescheid nicht nachvollziehbar", "{wer} teilt mit, die Berechnung im Änderungsbescheid nicht nachvollziehen zu können, und bittet um Erläuterung."),
    ("Bescheid verständlich", "Anrechnung von Einkommen", "{wer} bittet um eine verständliche Erklärung, wie das Einkommen aus dem Minijob angerechnet wurde."),
    ("Terminvergabe", "Terminvergabe", "{wer} schildert, dass ein Termin kurzfristig abgesagt und kein neuer Termin angeboten wurde."),
    ("Terminvergabe", "Einladung trotz Krankmeldung", "{wer} teilt mit, trotz vorliegender Arbeitsunfähigkeitsbescheinigung erneut eingeladen worden zu sein."),
    ("Unterlagen und Nachweise", "Wiederholte Anforderung von Unterlagen", "{wer} schildert, dass bereits eingereichte Kontoauszüge erneut angefordert wurden."),
    ("Unterlagen und Nachweise", "Verlust eingereichter Unterlagen", "{wer} teilt mit, dass im Hausbriefkasten abgegebene Unterlagen nicht in der Akte sind."),
    ("Vermittlung und Maßnahmen", "Zuweisung in eine Maßnahme", "{wer} schildert, dass die zugewiesene Maßnahme nicht zu den gesundheitlichen Einschränkungen passe."),
    ("Vermittlung und Maßnahmen", "Vermittlungsvorschläge", "{wer} teilt mit, Vermittlungsvorschläge erhalten zu haben, die nicht zur Qualifikation passen."),
    ("Auszahlung", "Verspätete Auszahlung", "{wer} schildert, dass die Leistungen zum Monatsanfang nicht auf dem Konto eingegangen sind."),
    ("Auszahlung", "Kürzung ohne Erklärung", "{wer} teilt mit, dass der Zahlbetrag niedriger war als im Bescheid angegeben."),
    ("Räume und Wartezeit", "Wartezeit in der Eingangszone", "{wer} schildert eine Wartezeit von über zwei Stunden in der Eingangszone."),
    ("Räume und Wartezeit", "Barrierefreiheit des Gebäudes", "{wer} teilt mit, dass der Aufzug im Dienstgebäude außer Betrieb war und der Termin nicht erreichbar war."),
)  # fmt: skip
WISHES = (
    "{wer} bittet um Prüfung und Rückmeldung.",
    "{wer} bittet um eine schriftliche Antwort.",
    "{wer} bittet um einen Rückruf.",
    "{wer} wünscht eine zeitnahe Entscheidung.",
    "{wer} bittet darum, künftig rechtzeitig informiert zu werden.",
    "",
)
FOLLOW_UPS = (
    "{wer} nimmt Bezug auf das frühere Anliegen und teilt mit, dass die Angelegenheit aus eigener Sicht nicht erledigt ist.",
    "{wer} meldet sich erneut zum selben Sachverhalt, weil die zugesagte Änderung noch nicht umgesetzt ist.",
    "{wer} bittet zum früheren Anliegen um eine ergänzende Erläuterung.",
)  # fmt: skip
# How the case file names the sender: (party role, salutation) -> (subject, pronoun); no party: anonym.
WHO: dict[tuple[str, str | None], tuple[str, str]] = {
    ("kunde", "frau"): ("Die Kundin", "Sie"), ("kunde", "herr"): ("Der Kunde", "Er"),
    ("kunde", "divers"): ("Die Person", "Sie"), ("vertreter", "frau"): ("Die Vertreterin", "Sie"),
    ("vertreter", "herr"): ("Der Vertreter", "Er"), ("vertreter", "divers"): ("Die vertretende Person", "Sie"),
    ("institution", None): ("Die einsendende Stelle", "Sie"), ("behoerde", None): ("Die einsendende Stelle", "Sie"),
    ("anonym", None): ("Die anonyme Zuschrift", "Sie"),
}  # fmt: skip
FACHAUFSICHT = (
    ("Bescheid verständlich", "Fachaufsichtsbeschwerde: Entscheidung über Umzugskosten", "{wer} wendet sich an die Vorgesetzten, weil die Sachbearbeitung der Übernahme der Umzugskosten nicht zugestimmt hat, und bittet um fachliche Überprüfung der Handhabung."),
    ("Bearbeitungsdauer", "Fachaufsichtsbeschwerde: Bearbeitung des Antrags", "{wer} bittet die Teamleitung, die Bearbeitung des Antrags auf Mehrbedarf fachlich zu prüfen."),
    ("Vermittlung und Maßnahmen", "Fachaufsichtsbeschwerde: Eingliederungsvereinbarung", "{wer} bittet um fachliche Prüfung, wie die Eingliederungsvereinbarung zustande gekommen ist."),
)  # fmt: skip
DAB = (
    ("Umgangston", "Dienstaufsichtsbeschwerde: Verhalten im Gespräch", "{wer} richtet sich gegen das persönliche Verhalten einer/eines Beschäftigten in einem Beratungsgespräch und schildert den Ablauf aus eigener Sicht."),
    ("Umgangston", "Dienstaufsichtsbeschwerde: Äußerung am Telefon", "{wer} schildert eine Äußerung einer/eines Beschäftigten am Telefon und bittet um Prüfung durch die Vorgesetzten."),
    ("Terminvergabe", "Dienstaufsichtsbeschwerde: Umgang mit einem Termin", "{wer} beschreibt, wie ein Termin aus eigener Sicht abgelaufen ist, und bittet um dienstrechtliche Prüfung."),
)  # fmt: skip
LOB = (
    ("Umgangston", "Dank für die freundliche Beratung", "{wer} bedankt sich ausdrücklich für die freundliche und geduldige Beratung in {team}."),
    ("Bearbeitungsdauer", "Dank für die schnelle Bearbeitung", "{wer} bedankt sich für die schnelle Bearbeitung des Antrags."),
    ("Vermittlung und Maßnahmen", "Dank für die Unterstützung bei der Arbeitssuche", "{wer} teilt mit, eine Arbeitsstelle gefunden zu haben, und dankt für die Unterstützung durch {team}."),
    ("Erreichbarkeit", "Lob für die Erreichbarkeit", "{wer} lobt die unkomplizierte Erreichbarkeit per E-Mail."),
)  # fmt: skip
IDEE = (
    ("Terminvergabe", "Anregung: Online-Terminbuchung", "{wer} regt an, Termine in der Eingangszone online buchen zu können."),
    ("Räume und Wartezeit", "Anregung: Wartebereich für Kinder", "{wer} regt eine Spielecke im Wartebereich an."),
    ("Bescheid verständlich", "Anregung: Erläuterungsblatt zum Bescheid", "{wer} schlägt ein Beiblatt vor, das die Berechnung im Bescheid in einfacher Sprache erklärt."),
    ("Unterlagen und Nachweise", "Anregung: Eingangsbestätigung für Unterlagen", "{wer} regt an, für abgegebene Unterlagen eine Eingangsquittung auszugeben."),
)  # fmt: skip
PETITION = (
    ("Bearbeitungsdauer", "Petition: Dauer der Leistungsbewilligung", "Die Petentin/der Petent schildert gegenüber dem Ausschuss die Dauer der Bearbeitung des Leistungsantrags und bittet um Unterstützung."),
    ("Bescheid verständlich", "Petition: Kosten der Unterkunft", "Die Petentin/der Petent bittet den Ausschuss um Prüfung der Entscheidung zu den Kosten der Unterkunft."),
    ("Vermittlung und Maßnahmen", "Petition: Förderung einer Umschulung", "Die Petentin/der Petent bittet den Ausschuss um Unterstützung bei der Förderung einer Umschulung."),
)  # fmt: skip
EINGABE = (
    ("Erreichbarkeit", "Eingabe: Erreichbarkeit des Jobcenters", "Die einsendende Stelle leitet das Schreiben einer Bürgerin/eines Bürgers zur Erreichbarkeit des Jobcenters weiter und bittet um Stellungnahme."),
    ("Auszahlung", "Eingabe: Ausstehende Zahlung", "Die einsendende Stelle bittet um Stellungnahme zu einer ausstehenden Zahlung an eine Bedarfsgemeinschaft."),
    ("Bearbeitungsdauer", "Eingabe: Bearbeitungsstand eines Antrags", "Die einsendende Stelle bittet um Auskunft zum Bearbeitungsstand eines Antrags."),
)  # fmt: skip
# Meinungskarten: (topic, tenor, the card's words in short).
CARDS = (
    ("Räume und Wartezeit", "kritik", "Der Wartebereich ist zu eng, es gibt zu wenige Sitzplätze."),
    ("Umgangston", "lob", "Sehr freundlicher Empfang in der Eingangszone, vielen Dank."),
    ("Terminvergabe", "anregung", "Termine bitte auch nachmittags anbieten."),
    ("Erreichbarkeit", "kritik", "Telefonisch kommt man kaum durch."),
    ("Räume und Wartezeit", "anregung", "Eine bessere Beschilderung im Gebäude wäre hilfreich."),
    ("Bearbeitungsdauer", "lob", "Mein Antrag wurde schnell bearbeitet."),
)  # fmt: skip

# Petition/Eingabe: (body, file-number pattern); {land} is the Bundesland's name, {n} a number, {y} the year.
PETITION_BODIES = (
    ("Petitionsausschuss des Deutschen Bundestages", "Pet 4-{p}-11-8150-{n:06d}"),
    ("Petitionsausschuss des Landtags {land}", "L {n:04d}/{y}"),
)
EINGABE_BODIES = (
    ("Bundesministerium für Arbeit und Soziales", "IIb1-{n:05d}/{y}", "bmas"),
    ("Büro der Oberbürgermeisterin/des Oberbürgermeisters", "OB-{n:04d}/{y}", "kommune"),
    ("Bürgerbeauftragte/r für soziale Angelegenheiten des Landes {land}", "BB-{n:04d}-{y}", "sonstige"),
    ("Regionaldirektion der Bundesagentur für Arbeit", "RD-KRM-{n:04d}", "regionaldirektion"),
    ("Zentrale der Bundesagentur für Arbeit", "Z-KRM-{n:05d}", "zentrale"),
)
# Postal addresses of the bodies above that have one fixed address (street, postcode, city).
BODY_ADDRESSES = {
    "Petitionsausschuss des Deutschen Bundestages": ("Platz der Republik 1", "11011", "Berlin"),
    "Bundesministerium für Arbeit und Soziales": ("Wilhelmstraße 49", "10117", "Berlin"),
}
PARTY_INSTITUTIONS = (
    "Sozialberatungsstelle im Stadtteilzentrum",
    "Schuldnerberatung des Wohlfahrtsverbands",
    "Migrationsberatung für Erwachsene",
    "Erwerbslosenberatung e. V.",
)
PARTY_AUTHORITIES = ("Wohngeldstelle der Stadt", "Sozialamt des Kreises", "Familienkasse")

INTERIM_REASONS = (
    "Die Stellungnahme des zuständigen Teams liegt noch nicht vor.",
    "Für die Prüfung werden Unterlagen aus der Leistungsakte benötigt.",
    "Die Angelegenheit wird mit dem kommunalen Träger abgestimmt.",
    "Die zuständige Teamleitung ist derzeit abwesend; die Vertretung prüft den Vorgang.",
)
# Why a written answer was waived, by how the matter was settled (the case's channel: telefon or persoenlich).
WAIVER_REASONS = {
    "telefon": (
        "Das Anliegen wurde im Telefonat geklärt; die Nachzahlung ist angewiesen. Eine schriftliche Antwort wird nicht gewünscht.",
        "Der Termin wurde im Telefonat neu vereinbart; eine schriftliche Antwort ist nicht erforderlich.",
    ),
    "persoenlich": (
        "Im persönlichen Gespräch wurde die Berechnung erläutert; die Kundin/der Kunde verzichtet auf eine schriftliche Antwort.",
        "Die fehlenden Unterlagen wurden im Gespräch am Schalter entgegengenommen; eine schriftliche Antwort wird nicht gewünscht.",
    ),
}  # fmt: skip
STATEMENTS_TL = (
    "Stellungnahme der Teamleitung: Der Vorgang wurde anhand der Akte geprüft; der Sachverhalt wird wie folgt dargestellt.",
    "Stellungnahme der Teamleitung: Die Bearbeitung wurde nachgeholt, der Bescheid ist erteilt.",
    "Stellungnahme der Teamleitung: Mit der Kundin/dem Kunden wurde ein Gesprächstermin vereinbart.",
)  # fmt: skip
CONTRIBUTIONS = (
    "Beitrag des Teams für seinen Teil: Die Unterlagen wurden geprüft; der Vorgang ist inzwischen bearbeitet.",
    "Beitrag des Teams für seinen Teil: Die Auskunft am Telefon war unvollständig; sie wurde schriftlich ergänzt.",
    "Beitrag des Teams für seinen Teil: Der Termin wurde neu vergeben, die Kundin/der Kunde ist informiert.",
)  # fmt: skip
STATEMENTS_MA = (
    "Stellungnahme der/des Beschäftigten zum Gesprächsverlauf aus eigener Sicht.",
    "Stellungnahme der/des Beschäftigten: Der Ablauf des Termins wird aus eigener Erinnerung geschildert.",
)
GF_DECISIONS = (
    "Nach Prüfung der Stellungnahmen ist ein dienstrechtliches Fehlverhalten nicht festzustellen.",
    "Der Sachverhalt wurde mit der/dem Beschäftigten besprochen; weitere Maßnahmen sind nicht erforderlich.",
    "Die Hinweise wurden aufgenommen; die Gesprächsführung ist Thema der nächsten Teambesprechung.",
)  # fmt: skip
RECLASSIFY_REASONS = (
    "Das Schreiben richtet sich gegen die fachliche Entscheidung, nicht gegen das persönliche Verhalten.",
    "Das Schreiben betrifft die Sachbearbeitung insgesamt, keine bestimmte Person.",
)
ESCALATION_REASONS = (
    "Mehrere Teams betroffen; die Bereichsleitung koordiniert.",
    "Die Kundin/der Kunde bittet ausdrücklich um Prüfung durch die nächsthöhere Ebene.",
)


# -- the mix of the demo data: weights of kinds, channels, received-via values and outcomes --
Weights = dict[str, float]
KIND_WEIGHTS: Weights = {
    "beschwerde": 50, "lob": 14, "meinungskarte": 12, "idee": 6, "folgereaktion": 6,
    "fachaufsichtsbeschwerde": 4, "dienstaufsichtsbeschwerde": 3, "petition": 2.5, "eingabe": 2.5,
}  # fmt: skip
CHANNELS_BY_KIND: dict[str, Weights] = {
    "petition": {"brief": 70, "email": 20, "online": 10},
    "eingabe": {"brief": 60, "email": 40},
    "dienstaufsichtsbeschwerde": {"brief": 45, "email": 35, "online": 10, "persoenlich": 5, "telefon": 5},
    "lob": {"email": 35, "persoenlich": 20, "telefon": 15, "brief": 15, "online": 15},
    "meinungskarte": {"meinungskarte": 1},
    "*": {"brief": 30, "email": 27, "online": 20, "telefon": 11, "persoenlich": 12},
}
VIA_WEIGHTS: Weights = {
    "direkt": 76, "agentur": 6, "kommune": 6, "regionaldirektion": 4, "zentrale": 3, "bmas": 2, "sonstige": 3,
}  # fmt: skip
OUTCOME_WEIGHTS: Weights = {"unbegruendet": 45, "begruendet": 35, "nicht_bewertbar": 20}
EXTRA_CONCERNS = ("beschwerde", "beschwerde", "idee", "lob", "fachaufsichtsbeschwerde")
FOLLOWABLE = frozenset({"beschwerde", "fachaufsichtsbeschwerde", "folgereaktion", "idee"})
PANKOW_FILE_NO = {"dienstaufsichtsbeschwerde": "II-6001.1", "eingabe": "II-6002", "petition": "II-6003"}
SNIPPETS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "beschwerde": COMPLAINTS,
    "folgereaktion": COMPLAINTS,
    "fachaufsichtsbeschwerde": FACHAUFSICHT,
    "dienstaufsichtsbeschwerde": DAB,
    "lob": LOB,
    "idee": IDEE,
    "petition": PETITION,
    "eingabe": EINGABE,
}
