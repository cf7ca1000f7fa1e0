#!/usr/bin/env python3
"""Generates ctdc-core's country table and alias list from CTDC's region lookup and OCHA's taxonomy.

Run from the repository root (Python 3.8+, standard library only):

    python3 ctdc-core/src/build/countries/make_countries.py \
        /work/shared/data/ctdc/ctdc_region_lookup_2022.tsv \
        /work/shared/data/countries/ocha_countries_territories_taxonomy.csv \
        ctdc-core/src/main/resources/META-INF/ctdc/countries

The output is deterministic (rows sorted by alpha-2, aliases by alpha-2 then alias) and committed; the
library never runs this script. See SOURCE.md next to the output for the rules applied.
"""
import csv
import sys

CTDC_TSV, OCHA_CSV, OUT = sys.argv[1], sys.argv[2], sys.argv[3]

# Sub-region spelling used by CTDC where M49 differs only in capitalisation.
SUB_SPELLING = {"South-eastern Asia": "South-Eastern Asia"}
# M49 sub-regions that CTDC replaces by the intermediate region (as in its 22-region list).
USE_INTERMEDIATE = {"Latin America and the Caribbean", "Sub-Saharan Africa"}

# CTDC private codes and ISO 3166-3 legacy codes: code -> (target alpha-2, kind, note).
CODES = [
    ("Y1", "XK", "PRIVATE_CODE", "CTDC Kosovo; the resolver's policy decides SRB or XK"),
    ("XK", "XK", "PRIVATE_CODE", "user-assigned code for Kosovo (EU, IMF)"),
    ("XKX", "XK", "PRIVATE_CODE", "user-assigned code for Kosovo"),
    ("TB", "CN", "PRIVATE_CODE", "CTDC Tibet, counted under China"),
    ("Y2", "ME", "PRIVATE_CODE", "CTDC Montenegro"),
    ("Y3", "RS", "PRIVATE_CODE", "CTDC Serbia, Province of Serbia and Montenegro"),
    ("AN", "AN", "LEGACY_CODE", "Netherlands Antilles (ISO 3166-3 ANHH), kept as its own row by CTDC"),
    ("ANT", "AN", "LEGACY_CODE", "Netherlands Antilles"),
    ("TP", "TL", "LEGACY_CODE", "East Timor (ISO 3166-3 TPTL) -> Timor-Leste"),
    ("TMP", "TL", "LEGACY_CODE", "East Timor -> Timor-Leste"),
    ("ZR", "CD", "LEGACY_CODE", "Zaire (ISO 3166-3 ZRCD) -> DR Congo"),
    ("ZAR", "CD", "LEGACY_CODE", "Zaire -> DR Congo"),
    ("YU", "RS", "LEGACY_CODE", "Yugoslavia / Serbia and Montenegro -> Serbia, the continuing state"),
    ("YUG", "RS", "LEGACY_CODE", "Yugoslavia -> Serbia, the continuing state"),
    ("SCG", "RS", "LEGACY_CODE", "Serbia and Montenegro -> Serbia, the continuing state"),
    ("BU", "MM", "LEGACY_CODE", "Burma (ISO 3166-3 BUMM) -> Myanmar"),
    ("BUR", "MM", "LEGACY_CODE", "Burma -> Myanmar"),
    ("DD", "DE", "LEGACY_CODE", "German Democratic Republic (ISO 3166-3 DDDE) -> Germany"),
    ("DDR", "DE", "LEGACY_CODE", "German Democratic Republic -> Germany"),
]

# Names for the CTDC rows without an ISO alpha-3 (private and legacy codes): the country they count as.
CTDC_LEGACY_ROWS = {"TB": "CN", "TP": "TL", "Y2": "ME", "Y3": "RS", "YU": "RS", "ZR": "CD", "Y1": "XK"}

# Common English variants found in partner data and missing from both sources.
CURATED = [
    ("CI", "Ivory Coast"), ("CI", "Cote d'Ivoire"), ("SZ", "Swaziland"), ("TR", "Turkey"),
    ("TR", "Turkiye"), ("MM", "Burma"), ("CZ", "Czechia"), ("MO", "Macau"), ("PS", "Palestine"),
    ("PS", "Palestinian Territories"), ("PS", "Occupied Palestinian Territory"), ("NL", "Holland"),
    ("GB", "Great Britain"), ("GB", "Britain"), ("GB", "England"), ("GB", "Scotland"), ("GB", "Wales"),
    ("GB", "Northern Ireland"), ("VN", "Vietnam"), ("LA", "Laos"), ("KR", "South Korea"),
    ("KP", "North Korea"), ("TL", "East Timor"), ("CD", "Congo-Kinshasa"), ("CG", "Congo-Brazzaville"),
    ("CD", "DRC"), ("CD", "DR Congo"), ("CG", "Republic of Congo"), ("CG", "Republic of the Congo"),
    ("MK", "Macedonia"), ("MK", "FYROM"), ("MK", "Former Yugoslav Republic of Macedonia"),
    ("VA", "Vatican"), ("KG", "Kyrgyz Republic"), ("SK", "Slovak Republic"), ("ST", "Sao Tome"),
    ("KN", "St Kitts"), ("KN", "Saint Kitts"), ("TT", "Trinidad"), ("US", "US"), ("US", "U.S."),
    ("US", "U.S.A."), ("GB", "U.K."), ("RU", "Russia"), ("SY", "Syria"),
    ("IR", "Iran"), ("BO", "Bolivia"), ("VE", "Venezuela"), ("TZ", "Tanzania"), ("MD", "Moldova"),
    ("FM", "Micronesia"), ("BN", "Brunei"), ("CV", "Cape Verde"), ("TW", "Taiwan"), ("TW", "Chinese Taipei"),
    ("HK", "Hong Kong SAR"), ("MO", "Macao SAR"), ("CN", "Tibet"), ("CN", "Mainland China"),
    ("RS", "Serbia and Montenegro"), ("RS", "Yugoslavia"), ("CD", "Zaire"), ("MM", "Myanmar (Burma)"),
    ("SZ", "Kingdom of Swaziland"), ("BA", "Bosnia"), ("BA", "Bosnia-Herzegovina"), ("AE", "Emirates"),
    ("DO", "Dominican Rep"), ("CF", "Central African Rep"), ("XK", "Kosova"),
]

# The World Bank's country names (World Development Indicators), which put qualifiers after a comma.
WORLD_BANK = [
    ("AF", "Afghanistan"), ("AL", "Albania"), ("DZ", "Algeria"), ("AS", "American Samoa"), ("AD", "Andorra"),
    ("AO", "Angola"), ("AG", "Antigua and Barbuda"), ("AR", "Argentina"), ("AM", "Armenia"), ("AW", "Aruba"),
    ("AU", "Australia"), ("AT", "Austria"), ("AZ", "Azerbaijan"), ("BS", "Bahamas, The"), ("BH", "Bahrain"),
    ("BD", "Bangladesh"), ("BB", "Barbados"), ("BY", "Belarus"), ("BE", "Belgium"), ("BZ", "Belize"),
    ("BJ", "Benin"), ("BM", "Bermuda"), ("BT", "Bhutan"), ("BO", "Bolivia"), ("BA", "Bosnia and Herzegovina"),
    ("BW", "Botswana"), ("BR", "Brazil"), ("VG", "British Virgin Islands"), ("BN", "Brunei Darussalam"),
    ("BG", "Bulgaria"), ("BF", "Burkina Faso"), ("BI", "Burundi"), ("CV", "Cabo Verde"), ("KH", "Cambodia"),
    ("CM", "Cameroon"), ("CA", "Canada"), ("KY", "Cayman Islands"), ("CF", "Central African Republic"),
    ("TD", "Chad"), ("CL", "Chile"), ("CN", "China"), ("CO", "Colombia"), ("KM", "Comoros"),
    ("CD", "Congo, Dem. Rep."), ("CG", "Congo, Rep."), ("CR", "Costa Rica"), ("CI", "Cote d'Ivoire"),
    ("HR", "Croatia"), ("CU", "Cuba"), ("CW", "Curacao"), ("CY", "Cyprus"), ("CZ", "Czechia"),
    ("DK", "Denmark"), ("DJ", "Djibouti"), ("DM", "Dominica"), ("DO", "Dominican Republic"), ("EC", "Ecuador"),
    ("EG", "Egypt, Arab Rep."), ("SV", "El Salvador"), ("GQ", "Equatorial Guinea"), ("ER", "Eritrea"),
    ("EE", "Estonia"), ("SZ", "Eswatini"), ("ET", "Ethiopia"), ("FO", "Faroe Islands"), ("FJ", "Fiji"),
    ("FI", "Finland"), ("FR", "France"), ("PF", "French Polynesia"), ("GA", "Gabon"), ("GM", "Gambia, The"),
    ("GE", "Georgia"), ("DE", "Germany"), ("GH", "Ghana"), ("GI", "Gibraltar"), ("GR", "Greece"),
    ("GL", "Greenland"), ("GD", "Grenada"), ("GU", "Guam"), ("GT", "Guatemala"), ("GN", "Guinea"),
    ("GW", "Guinea-Bissau"), ("GY", "Guyana"), ("HT", "Haiti"), ("HN", "Honduras"),
    ("HK", "Hong Kong SAR, China"), ("HU", "Hungary"), ("IS", "Iceland"), ("IN", "India"), ("ID", "Indonesia"),
    ("IR", "Iran, Islamic Rep."), ("IQ", "Iraq"), ("IE", "Ireland"), ("IM", "Isle of Man"), ("IL", "Israel"),
    ("IT", "Italy"), ("JM", "Jamaica"), ("JP", "Japan"), ("JO", "Jordan"), ("KZ", "Kazakhstan"), ("KE", "Kenya"),
    ("KI", "Kiribati"), ("KP", "Korea, Dem. People's Rep."), ("KR", "Korea, Rep."), ("XK", "Kosovo"),
    ("KW", "Kuwait"), ("KG", "Kyrgyz Republic"), ("LA", "Lao PDR"), ("LV", "Latvia"), ("LB", "Lebanon"),
    ("LS", "Lesotho"), ("LR", "Liberia"), ("LY", "Libya"), ("LI", "Liechtenstein"), ("LT", "Lithuania"),
    ("LU", "Luxembourg"), ("MO", "Macao SAR, China"), ("MG", "Madagascar"), ("MW", "Malawi"),
    ("MY", "Malaysia"), ("MV", "Maldives"), ("ML", "Mali"), ("MT", "Malta"), ("MH", "Marshall Islands"),
    ("MR", "Mauritania"), ("MU", "Mauritius"), ("MX", "Mexico"), ("FM", "Micronesia, Fed. Sts."),
    ("MD", "Moldova"), ("MC", "Monaco"), ("MN", "Mongolia"), ("ME", "Montenegro"), ("MA", "Morocco"),
    ("MZ", "Mozambique"), ("MM", "Myanmar"), ("NA", "Namibia"), ("NR", "Nauru"), ("NP", "Nepal"),
    ("NL", "Netherlands"), ("NC", "New Caledonia"), ("NZ", "New Zealand"), ("NI", "Nicaragua"), ("NE", "Niger"),
    ("NG", "Nigeria"), ("MK", "North Macedonia"), ("MP", "Northern Mariana Islands"), ("NO", "Norway"),
    ("OM", "Oman"), ("PK", "Pakistan"), ("PW", "Palau"), ("PA", "Panama"), ("PG", "Papua New Guinea"),
    ("PY", "Paraguay"), ("PE", "Peru"), ("PH", "Philippines"), ("PL", "Poland"), ("PT", "Portugal"),
    ("PR", "Puerto Rico"), ("QA", "Qatar"), ("RO", "Romania"), ("RU", "Russian Federation"), ("RW", "Rwanda"),
    ("WS", "Samoa"), ("SM", "San Marino"), ("ST", "Sao Tome and Principe"), ("SA", "Saudi Arabia"),
    ("SN", "Senegal"), ("RS", "Serbia"), ("SC", "Seychelles"), ("SL", "Sierra Leone"), ("SG", "Singapore"),
    ("SX", "Sint Maarten (Dutch part)"), ("SK", "Slovak Republic"), ("SI", "Slovenia"),
    ("SB", "Solomon Islands"), ("SO", "Somalia"), ("ZA", "South Africa"), ("SS", "South Sudan"), ("ES", "Spain"),
    ("LK", "Sri Lanka"), ("KN", "St. Kitts and Nevis"), ("LC", "St. Lucia"), ("MF", "St. Martin (French part)"),
    ("VC", "St. Vincent and the Grenadines"), ("SD", "Sudan"), ("SR", "Suriname"), ("SE", "Sweden"),
    ("CH", "Switzerland"), ("SY", "Syrian Arab Republic"), ("TJ", "Tajikistan"), ("TZ", "Tanzania"),
    ("TH", "Thailand"), ("TL", "Timor-Leste"), ("TG", "Togo"), ("TO", "Tonga"), ("TT", "Trinidad and Tobago"),
    ("TN", "Tunisia"), ("TR", "Turkiye"), ("TM", "Turkmenistan"), ("TC", "Turks and Caicos Islands"),
    ("TV", "Tuvalu"), ("UG", "Uganda"), ("UA", "Ukraine"), ("AE", "United Arab Emirates"),
    ("GB", "United Kingdom"), ("US", "United States"), ("UY", "Uruguay"), ("UZ", "Uzbekistan"),
    ("VU", "Vanuatu"), ("VE", "Venezuela, RB"), ("VN", "Viet Nam"), ("VI", "Virgin Islands (U.S.)"),
    ("PS", "West Bank and Gaza"), ("YE", "Yemen, Rep."), ("ZM", "Zambia"), ("ZW", "Zimbabwe"),
]

# Endonyms and common English exonyms, current and former, and everyday short forms: names, not misspellings.
ENDONYMS = [
    ("BR", "Brasil"), ("DE", "Deutschland"), ("ES", "España"), ("TR", "Türkiye"), ("VN", "Việt Nam"),
    ("MD", "Moldavia"), ("MD", "Republic of Moldova"), ("MM", "Burma"), ("CI", "Ivory Coast"),
    ("SZ", "Swaziland"), ("SZ", "Eswatini"), ("SZ", "Kingdom of Eswatini"), ("CZ", "Czechia"), ("CZ", "Česko"),
    ("CZ", "Czech"), ("PL", "Polska"), ("IT", "Italia"), ("NL", "Nederland"), ("NL", "The Netherlands"),
    ("BE", "België"), ("BE", "Belgique"), ("BE", "Belgien"), ("AT", "Österreich"), ("CH", "Schweiz"),
    ("CH", "Suisse"), ("CH", "Svizzera"), ("SE", "Sverige"), ("NO", "Norge"), ("DK", "Danmark"),
    ("FI", "Suomi"), ("IE", "Éire"), ("IE", "Republic of Ireland"), ("IE", "Irish Republic"),
    ("GR", "Hellas"), ("GR", "Ellada"), ("HU", "Magyarország"), ("RO", "România"), ("HR", "Hrvatska"),
    ("RS", "Srbija"), ("ME", "Crna Gora"), ("AL", "Shqipëria"), ("AL", "Shqipëri"), ("UA", "Ukraina"),
    ("RU", "Rossiya"), ("RU", "Rossija"), ("LT", "Lietuva"), ("LV", "Latvija"), ("EE", "Eesti"),
    ("SK", "Slovensko"), ("SI", "Slovenija"), ("BA", "Bosna i Hercegovina"), ("MK", "Makedonija"),
    ("MK", "Republic of North Macedonia"), ("GE", "Sakartvelo"), ("AM", "Hayastan"), ("AZ", "Azərbaycan"),
    ("UZ", "Oʻzbekiston"), ("UZ", "Uzbekiston"), ("KZ", "Qazaqstan"), ("KG", "Kirghizia"), ("KG", "Kyrgyzstan"),
    ("JP", "Nippon"), ("JP", "Nihon"), ("CN", "Zhongguo"), ("KR", "Hanguk"), ("IN", "Bharat"), ("EG", "Misr"),
    ("MA", "Maroc"), ("MA", "Al-Maghrib"), ("DZ", "Algérie"), ("TN", "Tunisie"), ("SN", "Sénégal"),
    ("CM", "Cameroun"), ("TD", "Tchad"), ("GN", "Guinée"), ("GN", "Guinea-Conakry"), ("GN", "Guinea Conakry"),
    ("MR", "Mauritanie"), ("HT", "Haïti"), ("MX", "México"), ("PE", "Perú"), ("PA", "Panamá"),
    ("PH", "Filipinas"), ("PH", "Pilipinas"), ("KH", "Kampuchea"), ("TL", "Timor Lorosae"), ("TL", "Timor Leste"),
    ("NZ", "Aotearoa"), ("IR", "Persia"), ("TH", "Siam"), ("LK", "Ceylon"), ("BJ", "Dahomey"),
    ("BF", "Upper Volta"), ("BY", "Byelorussia"), ("BY", "Belorussia"), ("BY", "White Russia"),
    ("WS", "Western Samoa"), ("KP", "DPRK"), ("KP", "DPR Korea"), ("KR", "ROK"), ("SA", "KSA"),
    ("SA", "Kingdom of Saudi Arabia"), ("VG", "BVI"), ("VI", "USVI"), ("VI", "US Virgin Islands"),
    ("VA", "Vatican City"), ("VA", "Holy See"), ("US", "USA"), ("US", "United States of America"),
    ("GB", "UK"), ("PS", "State of Palestine"), ("CG", "Congo-Brazzaville"), ("CG", "Congo Brazzaville"),
    ("CD", "Congo-Kinshasa"), ("CD", "Congo Kinshasa"), ("SS", "Republic of South Sudan"),
    ("KN", "St Kitts and Nevis"), ("VC", "St Vincent"), ("VC", "Saint Vincent"), ("LC", "Saint Lucia"),
    ("TT", "Trinidad & Tobago"), ("AG", "Antigua"), ("BS", "Bahamas"), ("GM", "Gambia"),
    ("HK", "Hong Kong, China"), ("MO", "Macao, China"), ("MO", "Macau, China"),
]

# The endonyms above that are not English: matched exactly, never as the target of a misspelling (a name in
# another language is close to English words and other countries' names: Islande, Island).
NOT_ENGLISH = {
    "Brasil", "Deutschland", "España", "Česko", "Polska", "Italia", "Nederland", "België", "Belgique", "Belgien",
    "Österreich", "Schweiz", "Suisse", "Svizzera", "Sverige", "Norge", "Danmark", "Suomi", "Éire", "Hellas",
    "Ellada", "Magyarország", "România", "Hrvatska", "Srbija", "Crna Gora", "Shqipëria", "Shqipëri", "Ukraina",
    "Rossiya", "Rossija", "Lietuva", "Latvija", "Eesti", "Slovensko", "Slovenija", "Bosna i Hercegovina",
    "Makedonija", "Sakartvelo", "Hayastan", "Azərbaycan", "Oʻzbekiston", "Uzbekiston", "Qazaqstan", "Nippon",
    "Nihon", "Zhongguo", "Hanguk", "Bharat", "Misr", "Maroc", "Al-Maghrib", "Algérie", "Tunisie", "Sénégal",
    "Cameroun", "Tchad", "Guinée", "Mauritanie", "Haïti", "México", "Perú", "Panamá", "Filipinas", "Pilipinas",
    "Timor Lorosae", "Aotearoa", "Kampuchea",
}

# Names that more than one country could mean: never added, so they stay unmatched with suggestions.
AMBIGUOUS = {"virgin islands"}

# OCHA's names in the two other Latin-script UN languages (French, Spanish).
OCHA_OTHER_LANGUAGE_FIELDS = ["French Short", "Spanish Short", "M49 French", "M49 Spanish"]

OCHA_NAME_FIELDS = ["Preferred Term", "ISO Alt Term", "DGACM Alt Term", "HPC Tools Alt Term",
                    "RW Short Name", "RW API Alt Term", "English Short", "English Formal", "M49 English"]


def clean(v):
    v = (v or "").strip()
    return "" if v == "NULL" else " ".join(v.split())


def main():
    with open(CTDC_TSV, encoding="utf-8") as f:
        ctdc = list(csv.DictReader(f, delimiter="\t"))
    with open(OCHA_CSV, encoding="utf-8") as f:
        ocha = list(csv.DictReader(f))
    ocha_by2 = {}
    for r in ocha:
        a2 = clean(r["ISO 3166-1 Alpha 2-Codes"]) or clean(r["x Alpha2 codes"])
        if a2:
            ocha_by2[a2] = r

    rows = {}
    for r in ctdc:
        a2, a3 = clean(r["ISO2"]), clean(r["ISO3"])
        if a2 in CTDC_LEGACY_ROWS:
            continue  # private/legacy rows become aliases, not countries
        o = ocha_by2.get(a2)
        rows[a2] = dict(alpha2=a2, alpha3=a3 or clean(o and (o["ISO 3166-1 Alpha 3-Codes"] or o["x Alpha3 codes"])),
                        name=clean(r["Country"]), ctdc=r, ocha=o)
    for a2, o in ocha_by2.items():
        if a2 not in rows:
            rows[a2] = dict(alpha2=a2, alpha3=clean(o["ISO 3166-1 Alpha 3-Codes"]) or clean(o["x Alpha3 codes"]),
                            name=clean(o["Preferred Term"]), ctdc=None, ocha=o)
    # Kosovo: CTDC counts it as Y1 -> SRB with Europe / Southern Europe / RO Vienna.
    kosovo_ctdc = next(r for r in ctdc if r["ISO2"] == "Y1")
    rows["XK"]["ctdc"] = kosovo_ctdc

    out = []
    for a2 in sorted(rows):
        row = rows[a2]
        c, o = row["ctdc"], row["ocha"]
        region = clean(c["UNRegion"]) if c else ""
        sub = clean(c["UNSubRegion"]) if c else ""
        region_src = "CTDC"
        if not region and o:
            region = clean(o["Region Name"])
            sub = clean(o["Sub-region Name"])
            if sub in USE_INTERMEDIATE:
                sub = clean(o["Intermediate Region Name"])
            sub = SUB_SPELLING.get(sub, sub)
            region_src = "M49" if region else ""
        numeric = clean(o["m49 numerical code"]) if o else ""
        if a2 == "AN":
            numeric = "530"  # ISO 3166-1 numeric of the Netherlands Antilles before 2010
        numeric = numeric.zfill(3) if numeric else ""
        territory = "N" if (o and o["Independent"] == "Y") else "Y"
        out.append(dict(alpha2=a2, alpha3=row["alpha3"], numeric=numeric, name=row["name"],
                        un_region=region, un_sub_region=sub,
                        iom_region=clean(c["IOMRegion"]) if c else "",
                        territory=territory, region_source=region_src,
                        pattern=o["Regex"].strip() if o else ""))
    with open(f"{OUT}/countries.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(out)

    aliases = []
    seen = set()

    def add(alias, a2, kind, source, fuzzy="Y"):
        alias = clean(alias)
        if not alias or alias.casefold() in AMBIGUOUS:
            return
        key = (alias.casefold(), a2)
        if key in seen:
            return
        seen.add(key)
        if kind != "NAME":
            fuzzy = ""
        aliases.append(dict(alias=alias, alpha2=a2, kind=kind, fuzzy=fuzzy, source=source))

    for code, a2, kind, note in CODES:
        add(code, a2, kind, "CODE: " + note)
    for r in ctdc:
        a2 = clean(r["ISO2"])
        target = CTDC_LEGACY_ROWS.get(a2, a2)
        add(r["Country"], target, "NAME", "CTDC Country")
        add(r["Countrydescription"], target, "NAME", "CTDC Countrydescription")
    for a2 in sorted(ocha_by2):
        o = ocha_by2[a2]
        for fld in OCHA_NAME_FIELDS:
            add(o[fld], a2, "NAME", "OCHA " + fld)
    for a2, alias in CURATED:
        add(alias, a2, "NAME", "curated")
    for a2, alias in WORLD_BANK:
        add(alias, a2, "NAME", "World Bank")
    for a2, alias in ENDONYMS:
        add(alias, a2, "NAME", "endonym or exonym", "N" if alias in NOT_ENGLISH else "Y")
    for a2 in sorted(ocha_by2):
        o = ocha_by2[a2]
        for fld in OCHA_OTHER_LANGUAGE_FIELDS:
            add(o[fld], a2, "NAME", "OCHA " + fld, "N")
    aliases.sort(key=lambda a: (a["kind"] != "NAME", a["alpha2"], a["alias"].casefold(), a["alias"]))
    with open(f"{OUT}/aliases.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["alias", "alpha2", "kind", "fuzzy", "source"], lineterminator="\n")
        w.writeheader()
        w.writerows(aliases)
    print(f"{len(out)} countries, {len(aliases)} aliases")


main()
