"""Build ``data/triples.ttl`` from the curation below.

Every fact is written once here as ``fact(subject, predicate, object, *sources)``, where each
source is ``(article, quote)``: the article's number in the corpus (``"000"`` .. ``"004"``) and a
verbatim passage of it. The builder asserts the plain triple and one ``gcsf:Claim`` per source,
and refuses to write anything if a quote is not an exact substring of its article, an entity is
used before it is declared, or a country code is not a real ISO 3166 code.

Run ``python data/curate.py [SEEDS_DIR]`` (``make data``) after editing; a test checks that the
committed ``triples.ttl`` is exactly what this file builds.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pycountry
from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
GCSF = Namespace("https://w3id.org/gcsf/ont#")
ID = "https://w3id.org/gcsf/id/"
TYPES = {
    "person": "Person", "post": "Post", "tenure": "Tenure", "country": "Country",
    "region": "Region", "city": "City", "organization": "Organization",
    "initiative": "Initiative", "project": "Project", "event": "Event", "agreement": "Agreement",
    "doc": "SourceDocument", "concept": "Concept", "stat": "Statistic",
    "relationship": "BilateralRelationship",
}
ARTICLES = {
    "000": "000_d40c1f3de4251b64",
    "001": "001_88e954a82fe62d6d",
    "002": "002_d3f26364fca924fa",
    "003": "003_c2284100606c99e2",
    "004": "004_457199ae3097467a",
}


@dataclass(frozen=True)
class Lit:
    """A literal object: lexical form and XSD datatype name."""

    value: str
    dtype: str = "string"


def date(v: str) -> Lit:
    """A typed date at the precision given: YYYY, YYYY-MM or YYYY-MM-DD."""
    return Lit(v, {4: "gYear", 7: "gYearMonth", 10: "date"}[len(v)])


def num(v: int | str) -> Lit:
    return Lit(str(v), "decimal" if "." in str(v) else "integer")


Source = tuple[str, str]


class Curation:
    def __init__(self, seeds: Path) -> None:
        self.seeds = {k: (seeds / f"{v}.txt").read_text(encoding="utf-8") for k, v in ARTICLES.items()}
        self.g = Graph()
        self.entities: dict[str, URIRef] = {}
        self.errors: list[str] = []
        self.used: set[str] = set()
        self.g.bind("gcsf", GCSF)
        self.g.bind("skos", SKOS)
        for prefix in [*TYPES, "claim"]:
            self.g.bind(prefix, Namespace(f"{ID}{prefix}/"))

    # -- entities -----------------------------------------------------------------------------
    def ent(self, key: str, label: str, *alt: str, cls: str | None = None,
            scheme: str | None = None) -> URIRef:
        if key in self.entities:
            self.errors.append(f"entity declared twice: {key}")
        prefix, local = key.split(":", 1)
        iri = URIRef(f"{ID}{prefix}/{local}")
        self.entities[key] = iri
        self.g.add((iri, RDF.type, GCSF[cls or TYPES[prefix]]))
        self.g.add((iri, RDFS.label, Literal(label, lang="en")))
        for a in alt:
            self.g.add((iri, SKOS.altLabel, Literal(a, lang="en")))
        if scheme:
            self.g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
            self.g.add((iri, SKOS.inScheme, GCSF[scheme]))
        return iri

    def country(self, alpha3: str, label: str, *alt: str) -> None:
        record = pycountry.countries.get(alpha_3=alpha3)
        if record is None:
            self.errors.append(f"not an ISO 3166 alpha-3 code: {alpha3}")
            return
        iri = self.ent(f"country:{alpha3}", label, *alt)
        self.g.add((iri, GCSF.iso3166Alpha2, Literal(record.alpha_2)))
        self.g.add((iri, GCSF.iso3166Alpha3, Literal(record.alpha_3)))

    def concept(self, key: str, label: str, *alt: str, scheme: str = "VisionScheme",
                cls: str = "Concept") -> None:
        self.ent(key, label, *alt, cls=cls, scheme=scheme)

    # -- facts --------------------------------------------------------------------------------
    def _term(self, o: str | Lit) -> URIRef | Literal:
        if isinstance(o, Lit):
            # xsd:string is written as a plain literal: the same in RDF 1.1, and rdflib only
            # matches a plain "text" in a query against a plain literal in the data.
            return Literal(o.value) if o.dtype == "string" else Literal(o.value, datatype=XSD[o.dtype])
        self.used.add(o)
        prefix, local = o.split(":", 1)
        return URIRef(f"{ID}{prefix}/{local}")

    def fact(self, s: str, p: str, o: str | Lit, *sources: Source, note: str | None = None) -> None:
        if not sources:
            self.errors.append(f"fact without a source: {s} {p} {o}")
        subj, obj = self._term(s), self._term(o)
        pred = GCSF[p]
        self.g.add((subj, pred, obj))
        for article, written in sources:
            quote = self._verbatim(article, written)
            digest = hashlib.sha1(f"{subj}|{pred}|{obj.n3()}|{article}|{quote}".encode()).hexdigest()[:12]
            claim = URIRef(f"{ID}claim/c{digest}")
            self.g.add((claim, RDF.type, GCSF.Claim))
            self.g.add((claim, RDF.subject, subj))
            self.g.add((claim, RDF.predicate, pred))
            self.g.add((claim, RDF.object, obj))
            self.g.add((claim, GCSF.statedIn, self.entities[f"doc:{ARTICLES[article]}"]))
            self.g.add((claim, GCSF.quote, Literal(quote)))
            if note:
                self.g.add((claim, GCSF.note, Literal(note)))

    def _verbatim(self, article: str, quote: str) -> str:
        """The exact passage of the article that ``quote`` writes with plain spaces.

        Some articles use no-break and en spaces; the stored quote keeps them, so it stays an
        exact substring of the article.
        """
        text = self.seeds[article]
        if quote in text:
            return quote
        found = re.search(r"\s+".join(re.escape(w) for w in quote.split()), text)
        if found is None:
            self.errors.append(f"quote not in {article}: {quote!r}")
            return quote
        return found.group(0)

    def facts(self, s: str, p: str, objects: list[str | Lit], *sources: Source) -> None:
        for o in objects:
            self.fact(s, p, o, *sources)

    def stat(self, key: str, label: str, *, subject: str, measure: str, value: int | str,
             unit: str, src: Source, qualifier: str | None = None, ref: str | None = None,
             note: str | None = None) -> None:
        self.ent(key, label)
        self.fact(key, "statisticSubject", subject, src)
        self.fact(key, "measure", Lit(measure), src)
        self.fact(key, "value", num(value), src)
        self.fact(key, "unit", Lit(unit), src)
        if qualifier:
            self.fact(key, "qualifier", Lit(qualifier), src)
        if ref:
            self.fact(key, "referenceDate", date(ref), src, note=note)

    def tenure(self, person: str, post: str, label: str, *sources: Source) -> None:
        key = f"tenure:{person.split(':')[1]}--{post.split(':')[1]}"
        self.ent(key, label)
        self.fact(key, "holder", person, *sources)
        self.fact(key, "post", post, *sources)

    def relationship(self, key: str, label: str, *alt: str, parties: tuple[str, str],
                     kind: str, src: Source) -> None:
        self.ent(key, label, *alt)
        self.facts(key, "party", list(parties), src)
        self.fact(key, "relationshipType", kind, src)

    def write(self, path: Path) -> None:
        self.errors += [f"undeclared entity: {k}" for k in sorted(self.used - set(self.entities))]
        if self.errors:
            raise SystemExit("curation errors:\n  " + "\n  ".join(self.errors))
        assert not any(isinstance(t, BNode) for t in self.g.all_nodes())
        header = (
            "# gcsf-graph curated data: generated by data/curate.py from the five source articles.\n"
            "# Do not edit by hand: edit data/curate.py and run `make data`.\n"
        )
        path.write_text(header + self.g.serialize(format="turtle"), encoding="utf-8")


def curate(c: Curation) -> None:  # noqa: PLR0915 - one long, flat list of facts reads best
    A0, A1, A2, A3, A4 = "000", "001", "002", "003", "004"
    e, f, fs = c.ent, c.fact, c.facts

    # ---------------------------------------------------------------- the five articles
    for key, num_ in ARTICLES.items():
        e(f"doc:{num_}", {
            "000": "How China envisions future of global cooperation Overcoming barriers",
            "001": "Progress in China’s Endeavor to Build a Global Community of Shared Future",
            "002": "Build a new type of international relations featuring win-win cooperation",
            "003": "Jointly Build a Global Community of Shared Future and Usher in a Bright "
                   "Prospect of Peace, Security, Prosperity and Progress for the World",
            "004": "To usher in bright future of peace, security, prosperity, progress for world",
        }[key], cls="Article")
        c.g.add((c.entities[f"doc:{num_}"], URIRef("http://purl.org/dc/terms/identifier"),
                 Literal(f"{num_}.txt")))
    d0, d1, d2, d3, d4 = (f"doc:{v}" for v in ARTICLES.values())
    f(d0, "title", Lit("How China envisions future of global cooperation Overcoming barriers"),
      (A0, "How China envisions future of global cooperation Overcoming barriers"))
    f(d1, "title", Lit("Progress in China’s Endeavor to Build a Global Community of Shared Future"),
      (A1, "Progress in China’s Endeavor to Build a Global Community of Shared Future"))
    f(d2, "title", Lit("Build a new type of international relations featuring win-win cooperation"),
      (A2, "Build a new type of international relations featuring win-win cooperation"))
    t3 = ("Jointly Build a Global Community of Shared Future and Usher in a Bright Prospect of "
          "Peace, Security, Prosperity and Progress for the World")
    f(d3, "title", Lit(t3), (A3, t3))
    t4 = "To usher in bright future of peace, security, prosperity, progress for world"
    f(d4, "title", Lit(t4), (A4, t4))

    # ---------------------------------------------------------------- places
    c.country("CHN", "China", "People’s Republic of China", "Beijing")
    c.country("AZE", "Azerbaijan", "Baku")
    c.country("USA", "United States", "U.S.")
    c.country("RUS", "Russia")
    c.country("UKR", "Ukraine")
    c.country("SAU", "Saudi Arabia")
    c.country("IRN", "Iran")
    c.country("MMR", "Myanmar")
    c.country("ISR", "Israel")
    c.country("PSE", "Palestine")
    c.country("LAO", "Laos")
    c.country("VNM", "Vietnam")
    c.country("ZAF", "South Africa")
    c.country("HND", "Honduras")
    c.country("BEL", "Belgium")
    e("city:beijing", "Beijing")
    e("city:san-francisco", "San Francisco")
    e("city:un-office-geneva", "United Nations Office at Geneva")
    e("region:gaza", "Gaza")
    e("region:gulf-of-aden", "Gulf of Aden")
    e("region:central-asia", "Central Asia", "five Central Asian countries")
    e("region:africa", "Africa")
    e("region:asia", "Asia")
    e("region:global-south", "Global South")
    e("region:northern-myanmar", "Northern Myanmar")
    f("city:beijing", "location", "country:CHN", (A3, "held in Beijing, China"))
    f("region:northern-myanmar", "location", "country:MMR",
      (A1, "a de-escalation of conflict in northern Myanmar"))
    f("country:CHN", "memberOf", "region:global-south",
      (A1, "As a developing country and member of the Global South, China"),
      (A4, "As a developing country and a member of the Global South, China"))
    f("country:CHN", "dateEstablished", date("1949"),
      (A1, "When the People’s Republic of China was first established in 1949"))
    f("country:CHN", "characterization",
      Lit("the only country in the world that has enshrined peaceful development in its national Constitution"),
      (A1, "China is the only country in the world that has enshrined peaceful development in its national Constitution"))
    f("country:CHN", "characterization",
      Lit("the only one of the five nuclear-weapon states that has publicly pledged that it will not be the first to use nuclear weapons"),
      (A1, "the only one of the five nuclear-weapon states that has publicly pledged that it will not be the first to use nuclear weapons"))
    f("country:CHN", "characterization",
      Lit("second largest contributor to the UN regular budget and peacekeeping assessments"),
      (A1, "As the second largest contributor to the UN regular budget and peacekeeping assessments"))
    f("country:CHN", "characterization",
      Lit("home to the world’s largest area of planted forests"),
      (A1, "It is home to the world’s largest area of planted forests"))
    f("country:CHN", "characterization",
      Lit("the world’s largest contributor to the protection of the ozone layer"),
      (A1, "has become the world’s largest contributor to the protection of the ozone layer"))
    f("country:AZE", "characterization",
      Lit("a space where religions, cultures, and civilisations coexisted"),
      (A0, "Azerbaijan has been a space where \"religions, cultures, and civilisations coexisted,\""))

    # ---------------------------------------------------------------- people, posts, tenures
    e("person:xi-jinping", "Xi Jinping", "Xi", "President Xi", "President Xi Jinping",
      "Chinese President Xi Jinping")
    e("person:ilham-aliyev", "Ilham Aliyev", "President Ilham Aliyev")
    e("person:joe-biden", "Joe Biden")
    e("person:cao-zhongming", "Cao Zhongming")
    e("person:guo-jiping", "Guo Jiping")
    e("person:zhang-xian", "Zhang Xian")
    c.concept("concept:head-of-state", "head of state", scheme="RoleScheme")
    c.concept("concept:ambassador", "ambassador", scheme="RoleScheme")
    e("post:president-of-china", "President of China", "Chinese President")
    e("post:president-of-azerbaijan", "President of Azerbaijan")
    e("post:president-of-the-united-states", "President of the United States")
    e("post:ambassador-of-china-to-belgium", "Ambassador of China to Belgium")
    f("post:president-of-china", "postIn", "country:CHN",
      (A4, "Chinese President Xi Jinping"))
    f("post:president-of-china", "role", "concept:head-of-state",
      (A4, "the Chinese and Russian heads of state"))
    f("post:president-of-azerbaijan", "postIn", "country:AZE",
      (A0, "the perspectives of the leaders of Azerbaijan and China"))
    f("post:president-of-azerbaijan", "role", "concept:head-of-state",
      (A0, "the perspectives of the leaders of Azerbaijan and China"))
    f("post:president-of-the-united-states", "postIn", "country:USA",
      (A4, "his U.S. counterpart Joe Biden"))
    f("post:president-of-the-united-states", "role", "concept:head-of-state",
      (A4, "his U.S. counterpart Joe Biden"),
      note="Xi Jinping's 'U.S. counterpart': the U.S. head of state")
    f("post:ambassador-of-china-to-belgium", "postIn", "country:CHN",
      (A3, "Cao Zhongming, Ambassador of China to Belgium"))
    f("post:ambassador-of-china-to-belgium", "accreditedTo", "country:BEL",
      (A3, "Cao Zhongming, Ambassador of China to Belgium"))
    f("post:ambassador-of-china-to-belgium", "role", "concept:ambassador",
      (A3, "Cao Zhongming, Ambassador of China to Belgium"))
    c.tenure("person:xi-jinping", "post:president-of-china", "Xi Jinping as President of China",
             (A1, "President Xi Jinping"), (A3, "President Xi Jinping"),
             (A4, "Chinese President Xi Jinping"))
    c.tenure("person:ilham-aliyev", "post:president-of-azerbaijan",
             "Ilham Aliyev as President of Azerbaijan",
             (A0, "As President Ilham Aliyev has emphasised, for centuries, Azerbaijan"))
    c.tenure("person:joe-biden", "post:president-of-the-united-states",
             "Joe Biden as President of the United States",
             (A4, "his U.S. counterpart Joe Biden"))
    c.tenure("person:cao-zhongming", "post:ambassador-of-china-to-belgium",
             "Cao Zhongming as Ambassador of China to Belgium",
             (A3, "Cao Zhongming, Ambassador of China to Belgium"))

    # ---------------------------------------------------------------- organisations
    e("organization:xinhua", "Xinhua", "Xinhua analytical centre")
    e("organization:cgtn", "CGTN", "CGTN television channel")
    e("organization:peoples-daily", "People's Daily", "People’s Daily")
    e("organization:cpc", "Communist Party of China", "CPC", "the Party")
    e("organization:united-nations", "United Nations", "UN")
    e("organization:un-general-assembly", "UN General Assembly")
    e("organization:wto", "World Trade Organization", "WTO")
    e("organization:imf", "International Monetary Fund")
    e("organization:g20", "G20")
    e("organization:brics", "BRICS", "BRICS cooperation mechanism", "BRICS mechanism")
    e("organization:european-union", "European Union", "EU")
    e("organization:aiib", "Asian Infrastructure Investment Bank")
    e("organization:lancang-mekong", "Lancang-Mekong River Cooperation mechanism")
    e("organization:asian-civilizations-mechanism",
      "Dialogue and cooperation mechanism among Asian civilizations")
    e("organization:alliance-cultural-heritage-asia", "Alliance for Cultural Heritage in Asia")
    e("organization:confucius-institutes", "Confucius Institutes and Confucius Classrooms",
      "Confucius Institutes")
    e("organization:overseas-chinese-cultural-centers", "Overseas Chinese cultural centers")
    e("organization:research-centre-ccdm",
      "Research centre on the Community of Common Destiny for Mankind")
    f("organization:imf", "reformAdvocatedBy", "country:CHN",
      (A1, "China has also actively promoted the reform of multilateral economic and financial institutions such as the International Monetary Fund and the World Trade Organization (WTO)"))
    f("organization:wto", "reformAdvocatedBy", "country:CHN",
      (A1, "China has also actively promoted the reform of multilateral economic and financial institutions such as the International Monetary Fund and the World Trade Organization (WTO)"))
    for platform in ("organization:g20", "organization:brics"):
        f("country:CHN", "supports", platform,
          (A1, "worked to give full play to the role of new global economic governance platforms, such as the G20 and the BRICS cooperation mechanism"))
    f("organization:brics", "characterization", Lit("historic expansion of the BRICS mechanism"),
      (A4, "promoting the historic expansion of the BRICS mechanism"))
    f("organization:aiib", "proposedBy", "country:CHN",
      (A2, "proposed the establishment of the Asian Infrastructure Investment Bank"))
    f("organization:lancang-mekong", "proposedBy", "country:CHN",
      (A2, "proposed the establishment of the Lancang-Mekong River Cooperation mechanism"))
    f("organization:asian-civilizations-mechanism", "establishedBy", "country:CHN",
      (A2, "set up a dialogue and cooperation mechanism among Asian civilizations"))
    f("organization:alliance-cultural-heritage-asia", "establishedBy", "country:CHN",
      (A1, "China has helped initiate and establish the Alliance for Cultural Heritage in Asia"))
    f("organization:alliance-cultural-heritage-asia", "characterization",
      Lit("the first international cooperation mechanism for the preservation of Asia’s cultural heritage"),
      (A1, "the first international cooperation mechanism for the preservation of Asia’s cultural heritage"))
    f("organization:alliance-cultural-heritage-asia", "location", "region:asia",
      (A1, "the Alliance for Cultural Heritage in Asia"))
    f("organization:confucius-institutes", "establishedBy", "country:CHN",
      (A1, "opened Confucius Institutes and Confucius Classrooms in most countries around the world"))
    f("organization:overseas-chinese-cultural-centers", "establishedBy", "country:CHN",
      (A1, "By the end of 2023, China had established 48 overseas Chinese cultural centers"))
    f("organization:research-centre-ccdm", "establishedBy", "country:CHN",
      (A0, "China inaugurated a research centre dedicated to studying the concept of building a Community of Common Destiny for Mankind"))
    f("organization:research-centre-ccdm", "dateEstablished", date("2025"),
      (A0, "at the beginning of 2025, China inaugurated a research centre"),
      note="the text says 'at the beginning of 2025'")
    f("organization:research-centre-ccdm", "about", "concept:gcsf",
      (A0, "a research centre dedicated to studying the concept of building a Community of Common Destiny for Mankind"))
    f("country:CHN", "partner", "organization:european-union",
      (A3, "China is ready to work with EU members and other countries"))

    # ---------------------------------------------------------------- concepts: the vision
    c.concept("concept:gcsf", "Global community of shared future",
              "global community of shared future", "Community of Common Destiny for Mankind",
              "community with a shared future for mankind", "community of common destiny",
              "community of shared future", "community of shared future for mankind",
              "Community of Common Destiny")
    gcsf = "concept:gcsf"
    f(gcsf, "proposedBy", "person:xi-jinping",
      (A0, "the Community of Common Destiny for Mankind, a concept introduced by Xi Jinping in 2012"),
      (A4, "the vision of building a community with a shared future for mankind put forward by Chinese President Xi Jinping"))
    f(gcsf, "dateProposed", date("2012"),
      (A0, "the Community of Common Destiny for Mankind, a concept introduced by Xi Jinping in 2012"))
    f(gcsf, "motto", Lit("You are in me, and I am in you."),
      (A0, "the Community of Common Destiny for Mankind is essential for shaping a global society governed by the principle: \"You are in me, and I am in you.\""))
    c.concept("concept:new-world-order", "New World Order")
    f(gcsf, "supports", "concept:new-world-order",
      (A0, "this concept serves as the foundation of a New World Order"))
    c.concept("concept:outdated-model-ir", "Outdated model of international relations")
    f(gcsf, "opposes", "concept:outdated-model-ir",
      (A0, "intended to replace the \"outdated model of international relations.\""))
    c.concept("concept:xi-thought-diplomacy", "Xi Jinping Thought on Diplomacy",
              "Xi Jinping’s Thought on Diplomacy")
    f(gcsf, "coreTenetOf", "concept:xi-thought-diplomacy",
      (A3, "building a global community of shared future is the core tenet of Xi Jinping’s Thought on Diplomacy"))
    c.concept("concept:major-country-diplomacy", "Major-country diplomacy with Chinese characteristics",
              "major-country diplomacy with Chinese characteristics")
    f("concept:major-country-diplomacy", "goal", gcsf,
      (A3, "It is also the noble goal pursued by China in conducting major-country diplomacy with Chinese characteristics for the new era."),
      (A4, "Pursuing the noble goal of building a community with a shared future for mankind, major-country diplomacy with Chinese characteristics"))
    f("concept:major-country-diplomacy", "implementedBy", "person:xi-jinping",
      (A4, "Under the personal guidance of Xi, major-country diplomacy with Chinese characteristics has made solid steps."))
    c.concept("concept:tenth-anniversary-gcsf",
              "10th anniversary of the vision of building a community with a shared future for mankind",
              cls="Concept")
    f("concept:tenth-anniversary-gcsf", "about", gcsf,
      (A4, "marked the 10th anniversary of the vision of building a community with a shared future for mankind"))
    f("concept:tenth-anniversary-gcsf", "startDate", date("2023"),
      (A4, "The year of 2023 was the first year for fully implementing the guiding principles of the 20th National Congress of the Communist Party of China, and also marked the 10th anniversary"))
    f(gcsf, "characterization", Lit("a relationship of sharing weal and woe"),
      (A2, "\"community of common destiny\" means that the countries concerned have formed a relationship of sharing weal and woe"))
    f(gcsf, "characterization", Lit("first and foremost a community of interests"),
      (A2, "The \"community of shared future\" is first and foremost a community of interests"))
    f(gcsf, "characterization", Lit("a value concept"),
      (A2, "\"Community of common destiny\" is also a value concept."))
    f(gcsf, "characterization", Lit("a crucial step toward achieving truly peaceful global development"),
      (A0, "a crucial step toward achieving truly peaceful global development"))
    for key, label, quote in (
        ("concept:economic-community", "Economic community", "including an economic community"),
        ("concept:security-community", "Security community", "a security community"),
        ("concept:social-cultural-community", "Social and cultural community",
         "and a social and cultural community"),
    ):
        c.concept(key, label)
        f(gcsf, "hasPart", key, (A2, quote))
    e("doc:un-charter", "UN Charter")
    f(gcsf, "basedOn", "doc:un-charter",
      (A2, "We have built the community with a shared future for mankind on two foundations: First, it is based on the UN Charter."))
    c.concept("concept:existing-international-order",
              "Existing international order and global governance system")
    f(gcsf, "basedOn", "concept:existing-international-order",
      (A2, "built on the basis of the existing international order and global governance system"))
    f(gcsf, "implementedBy", "country:CHN",
      (A1, "China’s great endeavor to build a global community of shared future continues to march forward"))
    f(gcsf, "implementedBy", "person:xi-jinping",
      (A1, "Under the personal planning and direction of President Xi Jinping, China’s great endeavor to build a global community of shared future continues to march forward"))

    # the six pillars (003)
    pillars = [
        ("goal", "goal", "concept:world-vision",
         "In building a global community of shared future, the goal is to build an open, inclusive, clean and beautiful world of lasting peace, universal security and shared prosperity"),
        ("pathway", "pathway", "concept:global-governance",
         "the pathway is promoting global governance that features extensive consultation and joint contribution for shared benefit"),
        ("guiding-principle", "guiding principle", "concept:common-values",
         "the guiding principle is to apply the common values of humanity"),
        ("basic-underpinning", "basic underpinning", "concept:new-type-ir",
         "the basic underpinning lies in building a new type of international relations"),
        ("strategic-guidance", "strategic guidance", "initiative:gdi",
         "the strategic guidance comes from the implementation of the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative"),
        ("platform-for-action", "platform for action", "initiative:bri",
         "the platform for action is high-quality Belt and Road cooperation"),
    ]
    c.concept("concept:world-vision",
              "Open, inclusive, clean and beautiful world of lasting peace, universal security and shared prosperity",
              "open, inclusive, clean and beautiful world of lasting peace, universal security and shared prosperity")
    c.concept("concept:global-governance",
              "Global governance featuring extensive consultation and joint contribution for shared benefit",
              "global governance that features extensive consultation and joint contribution for shared benefit")
    c.concept("concept:common-values", "Common values of humanity", "common values of humanity",
              scheme="ValueScheme")
    c.concept("concept:new-type-ir", "New type of international relations",
              "new type of international relations", "new type of international relations featuring win-win cooperation")
    e("initiative:gdi", "Global Development Initiative", "global development initiatives")
    e("initiative:gsi", "Global Security Initiative", "global security initiatives")
    e("initiative:gci", "Global Civilization Initiative", "Global Civilizations Initiative")
    e("initiative:three-global-initiatives", "Three global initiatives", "three global initiatives")
    e("initiative:bri", "Belt and Road Initiative", "BRI", "Belt and Road cooperation",
      "Belt and Road cooperation initiatives")
    for slug, label, content, quote in pillars:
        key = f"concept:pillar-{slug}"
        c.concept(key, label, scheme="PillarScheme", cls="Pillar")
        f(gcsf, "hasPart", key, (A3, quote))
        f("event:central-conference-foreign-affairs-2023", "outcome", key,
          (A3, "established the pillars of building a global community of shared future as a scientific system"))
        f(key, "realizedThrough", content, (A3, quote))
    for extra in ("initiative:gsi", "initiative:gci"):
        f("concept:pillar-strategic-guidance", "realizedThrough", extra,
          (A3, "the strategic guidance comes from the implementation of the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative"))

    # the five worlds of the goal
    for key, label, quote in (
        ("concept:world-lasting-peace", "World of lasting peace",
         "To build a world of lasting peace through dialogue and consultation"),
        ("concept:world-common-security", "World of common security for all",
         "To build a world of common security for all through joint efforts"),
        ("concept:world-common-prosperity", "World of common prosperity",
         "To build a world of common prosperity through win-win cooperation"),
        ("concept:open-inclusive-world", "Open and inclusive world",
         "To build an open and inclusive world through exchanges and mutual learning"),
        ("concept:clean-beautiful-world", "Clean and beautiful world",
         "To build a clean and beautiful world by pursuing green and low-carbon development"),
    ):
        c.concept(key, label)
        f("concept:world-vision", "hasPart", key, (A3, quote))
    f("concept:world-common-security", "characterization", Lit("a universally safe world"),
      (A0, "whose ultimate goal is the creation of \"a universally safe world.\""))
    f(gcsf, "advocates", "concept:open-inclusive-world",
      (A0, "jointly building \"an open and inclusive world.\""))
    f(gcsf, "advocates", "concept:world-common-prosperity",
      (A0, "serving as the foundation for a \"planet of shared prosperity.\""))
    f("concept:world-vision", "proposedBy", "person:xi-jinping",
      (A3, "President Xi Jinping proposed to build an open, inclusive, clean and beautiful world of lasting peace, universal security and shared prosperity"))
    f("concept:world-vision", "proposedAt", "event:geneva-high-level-meeting-2017",
      (A3, "At a high-level meeting on jointly building a global community of shared future held at the United Nations Office at Geneva on January 18, 2017, President Xi Jinping proposed"))
    f("concept:world-vision", "dateProposed", date("2017-01-18"),
      (A3, "held at the United Nations Office at Geneva on January 18, 2017"))

    # common values and principles
    for v in ("peace", "development", "equity", "justice", "democracy", "freedom"):
        c.concept(f"concept:value-{v}", v, scheme="ValueScheme")
        f("concept:common-values", "hasPart", f"concept:value-{v}",
          (A3, "China advocates peace, development, equity, justice, democracy and freedom, the common values of humanity"))
    f("country:CHN", "advocates", "concept:common-values",
      (A3, "China advocates peace, development, equity, justice, democracy and freedom, the common values of humanity"),
      (A1, "The common values of humanity that China advocates"))
    c.concept("concept:western-universal-values", "So-called universal values touted by the West",
              scheme="ValueScheme")
    f("concept:common-values", "comparedWith", "concept:western-universal-values",
      (A1, "The common values of humanity that China advocates go beyond the narrow historical limitations of the so-called universal values touted by the West."))
    c.concept("concept:diversity-of-civilizations", "Diversity of world civilizations",
              "diversity of world civilizations", "diversity of civilizations", scheme="ValueScheme")
    f("country:CHN", "advocates", "concept:diversity-of-civilizations",
      (A3, "respects the diversity of world civilizations"))
    f("initiative:gci", "advocates", "concept:diversity-of-civilizations",
      (A0, "the Global Civilizations Initiative, which emphasizes the recognition and respect for the \"diversity of world civilizations\""))
    f(gcsf, "advocates", "concept:diversity-of-civilizations",
      (A1, "It is vital that we respect the diversity of civilizations"))
    c.concept("concept:universal-human-values", "Universal human values", "universal human values",
              scheme="ValueScheme")
    f("initiative:gci", "advocates", "concept:universal-human-values",
      (A0, "the Global Civilizations Initiative, which emphasizes the recognition and respect for the \"diversity of world civilizations\" by promoting \"universal human values.\""))
    for p_ in ("mutual-respect", "equity-and-justice", "mutually-beneficial-cooperation"):
        c.concept(f"concept:principle-{p_}", p_.replace("-", " "), scheme="PrincipleScheme")
        f("concept:new-type-ir", "invokesPrinciple", f"concept:principle-{p_}",
          (A3, "A new type of international relations should be built on the principles of mutual respect, equity and justice, and mutually beneficial cooperation."))
    f("concept:new-type-ir", "supports", gcsf,
      (A3, "The new type of international relations has paved the way for building a global community of shared future."))
    for p_, label in (("self-confidence", "self-confidence and self-reliance"),
                      ("openness", "openness and inclusiveness"),
                      ("fairness", "fairness and justice"),
                      ("win-win", "win-win cooperation")):
        c.concept(f"concept:principle-{p_}", label, scheme="PrincipleScheme")
        f("concept:major-country-diplomacy", "invokesPrinciple", f"concept:principle-{p_}",
          (A4, "Major-country diplomacy with Chinese characteristics will follow the principles of self-confidence and self-reliance, openness and inclusiveness, fairness and justice, and win-win cooperation"))
    c.concept("concept:five-principles", "Five Principles of Peaceful Coexistence",
              "principles of peaceful coexistence", scheme="PrincipleScheme")
    f("concept:five-principles", "proposedBy", "country:CHN",
      (A1, "When the People’s Republic of China was first established in 1949, it put forward the Five Principles of Peaceful Coexistence."))
    f("concept:five-principles", "dateProposed", date("1949"),
      (A1, "When the People’s Republic of China was first established in 1949, it put forward the Five Principles of Peaceful Coexistence."))
    f(gcsf, "invokesPrinciple", "concept:five-principles",
      (A0, "adhering to the principles of peaceful coexistence"))
    c.concept("concept:cbdr", "Common but differentiated responsibilities",
              "principle of common but differentiated responsibilities", scheme="PrincipleScheme")
    f(gcsf, "invokesPrinciple", "concept:cbdr",
      (A1, "based on its commitment to the principle of common but differentiated responsibilities"))
    c.concept("concept:dialogue-and-consultation", "Dialogue and consultation",
              "dialogue and consultation", scheme="PrincipleScheme")
    f(gcsf, "advocates", "concept:dialogue-and-consultation",
      (A0, "all nations \"must follow the path of dialogue and consultation,\""),
      (A1, "Pursue lasting peace through dialogue and consultation in the face of conflict and turmoil"))
    c.concept("concept:multiculturalism", "Multiculturalism", "multiculturalism",
              scheme="PrincipleScheme")
    f("country:AZE", "invokesPrinciple", "concept:multiculturalism",
      (A0, "the principles of multiculturalism thrived in Azerbaijan"))

    # security, development and ecology concepts
    c.concept("concept:security-concept",
              "Common, comprehensive, cooperative and sustainable security",
              "common, comprehensive, cooperative, and sustainable security")
    f(gcsf, "advocates", "concept:security-concept",
      (A0, "establish a \"comprehensive, cooperative, and sustainable\" new \"security concept,\""),
      (A1, "practicing a vision of common, comprehensive, cooperative, and sustainable security"))
    c.concept("concept:economic-globalization",
              "Universally beneficial and inclusive economic globalization",
              "universally beneficial and inclusive economic globalization",
              "open, inclusive, balanced, and mutually beneficial economic globalisation")
    f(gcsf, "advocates", "concept:economic-globalization",
      (A0, "foster an \"open, inclusive, balanced, and mutually beneficial economic globalisation,\""))
    f("country:CHN", "advocates", "concept:economic-globalization",
      (A1, "promoting universally beneficial and inclusive economic globalization"))
    c.concept("concept:ecological-civilisation", "Global ecological civilisation",
              "global ecological civilisation")
    f(gcsf, "advocates", "concept:ecological-civilisation",
      (A0, "the collective development of a \"global ecological civilisation.\""))
    c.concept("concept:community-of-life", "Community of life for humanity and nature",
              "community of life for humanity and nature")
    f(gcsf, "advocates", "concept:community-of-life",
      (A1, "build a community of life for humanity and nature"))
    c.concept("concept:carbon-peak-neutrality", "Peak carbon emissions and carbon neutrality",
              "peak carbon emissions and carbon neutrality")
    f("country:CHN", "advocates", "concept:carbon-peak-neutrality",
      (A1, "actively yet prudently moving toward peak carbon emissions and carbon neutrality"))
    c.concept("concept:community-of-shared-development", "Community of shared development",
              "community of shared development")
    f("person:xi-jinping", "advocates", "concept:community-of-shared-development",
      (A4, "he worked together with relevant parties to pool strength for building a community of shared development"))
    c.concept("concept:two-state-solution", "Two-state solution", "two-state solution")
    f("country:CHN", "advocates", "concept:two-state-solution",
      (A1, "the only viable way to break the cycle of conflict lies in the two-state solution"))
    c.concept("concept:multilateralism", "Multilateralism", "multilateralism")
    f(gcsf, "advocates", "concept:multilateralism",
      (A1, "practice multilateralism in the true sense"))
    c.concept("concept:multipolar-world", "Equal and orderly multipolar world",
              "equal and orderly multipolar world")
    f(gcsf, "advocates", "concept:multipolar-world",
      (A1, "jointly safeguard world peace and stability in an equal and orderly multipolar world"))
    c.concept("concept:un-centered-system", "International system with the United Nations at its core",
              "UN-centered international system", "international system with the United Nations at its core")
    f(gcsf, "advocates", "concept:un-centered-system",
      (A1, "operate within the UN-centered international system"))
    f("doc:report-20th-congress", "advocates", "concept:un-centered-system",
      (A2, "we will firmly uphold the international system with the United Nations at its core"))
    c.concept("concept:non-traditional-security", "Non-traditional security threats",
              "non-traditional security threats", "non-conventional security threats")
    for key, label, quotes in (
        ("concept:terrorism", "Terrorism", [(A1, "address issues such as terrorism, climate change, cybersecurity")]),
        ("concept:climate-change", "Climate change",
         [(A1, "address issues such as terrorism, climate change, cybersecurity"),
          (A4, "non-traditional security threats such as climate change, cybersecurity, and AI security")]),
        ("concept:cybersecurity", "Cybersecurity",
         [(A1, "address issues such as terrorism, climate change, cybersecurity"),
          (A4, "non-traditional security threats such as climate change, cybersecurity, and AI security")]),
        ("concept:biosecurity", "Biosafety and biosecurity",
         [(A1, "cybersecurity, biosafety and biosecurity, and artificial intelligence")]),
        ("concept:ai-security", "Artificial intelligence security", [
            (A1, "cybersecurity, biosafety and biosecurity, and artificial intelligence"),
            (A4, "non-traditional security threats such as climate change, cybersecurity, and AI security")]),
    ):
        c.concept(key, label)
        f("concept:non-traditional-security", "hasPart", key, *quotes)
    for key, label, alt, quote in (
        ("concept:hegemonism", "Hegemonism and power politics", "hegemonism and power politics",
         "The vision of a global community of shared future is firmly opposed to hegemonism and power politics of all forms"),
        ("concept:exclusive-blocs", "Blocs and exclusive groups targeting particular countries",
         "blocs and exclusive groups",
         "as well as blocs and exclusive groups created to target particular countries"),
        ("concept:cold-war-mentality", "Cold War mentality", "Cold War mentality",
         "can the world fully move away from the Cold War mentality"),
        ("concept:military-alliance-expansion", "Unlimited expansion of military alliances",
         "unlimited expansion of military alliances",
         "It opposes the unlimited expansion of military alliances"),
    ):
        c.concept(key, label, alt)
        f(gcsf, "opposes", key, (A0 if key == "concept:cold-war-mentality" else A1, quote))
    f("doc:report-20th-congress", "opposes", "concept:exclusive-blocs",
      (A2, "oppose all forms of unilateralism and the establishment of blocs and exclusive cliques targeting specific countries"))
    for key, label, alt, quote in (
        ("concept:protectionism", "Protectionism", "protectionism",
         "It rejects protectionism and unilateral sanctions"),
        ("concept:unilateral-sanctions", "Unilateral sanctions", "unilateral sanctions",
         "It rejects protectionism and unilateral sanctions"),
        ("concept:decoupling", "Decoupling and delinking", "decoupling and delinking",
         "It opposes “decoupling and delinking,”"),
        ("concept:small-yards-high-fences", "Small yards and high fences", "small yards and high fences",
         "the building of “small yards and high fences,”"),
    ):
        c.concept(key, label, alt)
        f("country:CHN", "opposes", key, (A1, quote))
    f("country:CHN", "opposes", "concept:cold-war-mentality",
      (A2, "some countries pursue the Cold War mentality, form factions, pursue zero-sum game"))
    c.concept("concept:zero-sum-game", "Zero-sum game", "zero-sum game")
    f("country:CHN", "opposes", "concept:zero-sum-game",
      (A2, "some countries pursue the Cold War mentality, form factions, pursue zero-sum game"))
    c.concept("concept:unilateralism", "Unilateralism", "unilateralism")
    f("doc:report-20th-congress", "opposes", "concept:unilateralism",
      (A2, "oppose all forms of unilateralism"))
    c.concept("concept:xinhua-report-threats", "Persistent value conflicts",
              "persistent value conflicts")
    f("doc:xinhua-report", "assertsAbout", "concept:xinhua-report-threats",
      (A0, "the report acknowledges that the world, at this historical stage, is facing \"persistent value conflicts,\""))
    f("doc:xinhua-report", "opposes", "concept:protectionism",
      (A0, "\"resurgence of protectionism, isolationism and populism.\""))

    # ---------------------------------------------------------------- initiatives
    f("initiative:gci", "proposedBy", "country:CHN",
      (A0, "Beijing has put forward the Global Civilizations Initiative"),
      (A1, "China has proposed the Global Civilizations Initiative"))
    f("initiative:gci", "proposedBy", "person:xi-jinping",
      (A4, "In March 2023, Xi solemnly proposed the Global Civilization Initiative"),
      (A3, "The three global initiatives put forward by President Xi Jinping"))
    f("initiative:gci", "dateProposed", date("2023-03"),
      (A4, "In March 2023, Xi solemnly proposed the Global Civilization Initiative"))
    c.concept("concept:civilizational-exchange", "Exchanges and mutual learning between civilizations",
              "exchanges and mutual learning between civilizations",
              "exchanges and mutual learning among civilizations")
    f("initiative:gci", "goal", "concept:civilizational-exchange",
      (A1, "with the aim of promoting exchanges and mutual learning between civilizations and the progress of humanity as a whole"))
    for ini in ("initiative:gdi", "initiative:gsi"):
        f(ini, "proposedBy", "person:xi-jinping",
          (A3, "The three global initiatives put forward by President Xi Jinping"))
        f(ini, "proposedBy", "country:CHN",
          (A2, "\"China has put forward global development initiatives and global security initiatives, and is willing to work with the international community to implement them.\""))
        f("doc:report-20th-congress", "assertsAbout", ini,
          (A2, "The report to the Party's 20th National Congress also clearly stated that \"China has put forward global development initiatives and global security initiatives"))
    for ini in ("initiative:gdi", "initiative:gsi", "initiative:gci"):
        f("initiative:three-global-initiatives", "hasPart", ini,
          (A3, "the implementation of the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative. "))
        f(ini, "supports", gcsf,
          (A3, "they have evolved into a crucial cornerstone for building a global community of shared future"))
    f("initiative:three-global-initiatives", "implementedBy", "country:CHN",
      (A3, "China has made active efforts to implement the three global initiatives"))
    f("initiative:gdi", "implementedBy", "country:CHN",
      (A1, "China advocates for actively implementing the Global Development Initiative"),
      (A4, "Taking results-oriented actions in implementing the Global Development Initiative, China promoted"))
    f("initiative:gsi", "implementedBy", "country:CHN",
      (A4, "In 2023, China worked with the international community to actively implement the Global Security Initiative."))
    f(gcsf, "advocates", "initiative:gsi",
      (A1, "The vision of building a global community of shared future calls for implementing the Global Security Initiative"))
    f("initiative:gsi", "characterization",
      Lit("China's response to the urgent security demands facing the world"),
      (A2, "The Global Security Initiative is not only China's response to the urgent security demands facing the world"))
    f("initiative:gsi", "advocates", "concept:security-concept",
      (A1, "calls for implementing the Global Security Initiative and practicing a vision of common, comprehensive, cooperative, and sustainable security"))
    for key, label in (("concept:poverty-reduction", "Poverty reduction"),
                       ("concept:food-security", "Food security"),
                       ("concept:industrialization", "Industrialization"),
                       ("concept:digital-connectivity", "Digital-era connectivity")):
        c.concept(key, label)
        f("initiative:gdi", "advocates", key,
          (A4, "cooperation platforms and partnerships in key areas including poverty reduction, food security, industrialization and digital-era connectivity"))
    f("initiative:gci", "advocates", "concept:diversity-of-civilizations",
      (A4, "promoting tolerance, coexistence, exchanges and mutual learning among different civilizations"))

    bri = "initiative:bri"
    f(bri, "proposedBy", "person:xi-jinping",
      (A3, "Put forward by President Xi Jinping in 2013, the BRI"))
    f(bri, "proposedBy", "country:CHN",
      (A2, "China has put forward the Belt and Road cooperation initiatives to build the Silk Road Economic Belt and the 21st Century Maritime Silk Road"))
    f(bri, "dateProposed", date("2013"), (A3, "Put forward by President Xi Jinping in 2013, the BRI"))
    f(bri, "supports", gcsf,
      (A3, "The Belt and Road Initiative (BRI) is a vivid example of building a global community of shared future."))
    f(bri, "characterization", Lit("most popular international public good"),
      (A3, "the BRI has become the most popular international public good and largest international cooperation platform in today’s world"))
    f(bri, "characterization", Lit("largest international cooperation platform in today’s world"),
      (A3, "the BRI has become the most popular international public good and largest international cooperation platform in today’s world"))
    f(bri, "characterization", Lit("a pathway of cooperation, opportunity, and prosperity"),
      (A1, "the Belt and Road Initiative has borne considerable fruits and developed into a pathway of cooperation, opportunity, and prosperity"))
    e("initiative:silk-road-economic-belt", "Silk Road Economic Belt")
    e("initiative:maritime-silk-road", "21st Century Maritime Silk Road")
    for part in ("initiative:silk-road-economic-belt", "initiative:maritime-silk-road"):
        f(bri, "hasPart", part,
          (A2, "the Belt and Road cooperation initiatives to build the Silk Road Economic Belt and the 21st Century Maritime Silk Road"))
    c.concept("concept:ancient-silk-road", "Ancient Silk Road", "ancient Silk Road")
    f(bri, "basedOn", "concept:ancient-silk-road",
      (A3, "drawing inspiration from the ancient Silk Road"))
    for key, label in (("policy", "Policy connectivity"), ("infrastructure", "Infrastructure connectivity"),
                       ("trade", "Trade connectivity"), ("financial", "Financial connectivity"),
                       ("people", "People-to-people connectivity")):
        c.concept(f"concept:connectivity-{key}", label)
        f(bri, "goal", f"concept:connectivity-{key}",
          (A3, "aims to enhance policy, infrastructure, trade, financial and people-to-people connectivity"))
    e("initiative:south-south-climate", "Belt and Road South-South Cooperation Initiative on Climate Change")
    f("initiative:south-south-climate", "implementedBy", "country:CHN",
      (A1, "China is also working to implement the Belt and Road South-South Cooperation Initiative on Climate Change."))
    f("initiative:south-south-climate", "about", "concept:climate-change",
      (A1, "South-South cooperation memorandums of understanding with 42 developing countries to address climate change"))
    e("initiative:multilateral-exchange-mechanisms",
      "Mechanisms for multilateral exchange and cooperation",
      "mechanisms for multilateral exchange and cooperation")
    f("initiative:multilateral-exchange-mechanisms", "establishedBy", "country:CHN",
      (A0, "China has launched dialogue platforms that go beyond the Conference on Dialogue of Asian Civilizations to include the promotion of 16 mechanisms for multilateral exchange and cooperation"))
    f("initiative:multilateral-exchange-mechanisms", "hasPart", "event:meeting-brics-culture-ministers",
      (A0, "These efforts encompass initiatives such as the Meeting of BRICS Ministers of Culture."))

    # ---------------------------------------------------------------- documents cited
    e("doc:xinhua-report",
      "Promoting the Development and Progress of Human Civilization through Exchange and Mutual Learning",
      "Xinhua document")
    f("doc:xinhua-report", "author", "organization:xinhua",
      (A0, "a particularly interesting report by the Xinhua analytical centre"))
    f("doc:xinhua-report", "title",
      Lit("Promoting the Development and Progress of Human Civilization through Exchange and Mutual Learning"),
      (A0, "The Xinhua document was presented to the world under the title \"Promoting the Development and Progress of Human Civilization through Exchange and Mutual Learning.\""))
    f("doc:xinhua-report", "basedOn", gcsf,
      (A0, "the ideas outlined in the report build upon the Community of Common Destiny for Mankind"))
    f("doc:xinhua-report", "assertsAbout", "initiative:gci",
      (A0, "It is precisely for this reason that Beijing has put forward the Global Civilizations Initiative"))
    f(d0, "cites", "doc:xinhua-report",
      (A0, "In this article, we will attempt to examine certain key aspects of this report."))
    for n, alt in (("20th", ("report of the Party's 20th National Congress",
                            "report to the Party's 20th National Congress")),
                   ("19th", ("report to the 19th CPC National Congress",)),
                   ("18th", ("report to the 18th CPC National Congress",))):
        e(f"doc:report-{n}-congress", f"Report to the {n} CPC National Congress", *alt)
        e(f"event:{n}-cpc-national-congress", f"{n} National Congress of the Communist Party of China",
          *([f"{n} CPC National Congress"] if n != "20th" else ["Party's 20th National Congress"]),
          cls="Conference")
        f(f"event:{n}-cpc-national-congress", "organizer", "organization:cpc",
          (A4, "the 20th National Congress of the Communist Party of China") if n == "20th"
          else (A2, f"{n} CPC National Congress"))
        f(f"doc:report-{n}-congress", "adoptedAt", f"event:{n}-cpc-national-congress",
          (A2, alt[0]))
        f(f"doc:report-{n}-congress", "assertsAbout", gcsf, {
            "20th": (A2, "When talking about how to build a community with a shared future for mankind, the report of the Party's 20th National Congress pointed out"),
            "19th": (A2, "The report to the 19th CPC National Congress pointed out that people of all countries should work together to build a community with a shared future for mankind."),
            "18th": (A2, "The report to the 18th CPC National Congress also made it clear that we should advocate the sense of a community with a shared future for mankind"),
        }[n])
        f(d2, "cites", f"doc:report-{n}-congress", (A2, alt[0]))
    f("doc:report-20th-congress", "cites", "doc:un-charter",
      (A2, "the basic norms governing international relations based on the purposes and principles of the UN Charter"))
    f("country:CHN", "advocates", "doc:un-charter",
      (A1, "all countries should abide by the purposes and principles of the UN Charter"))
    e("doc:constitution-of-china", "Constitution of China", "national Constitution")
    f("doc:constitution-of-china", "assertsAbout", "concept:peaceful-development",
      (A1, "enshrined peaceful development in its national Constitution"))
    c.concept("concept:peaceful-development", "Peaceful development", "peaceful development")
    f("concept:peaceful-development", "supports", gcsf,
      (A2, "China is committed to promoting the building of a community with a shared future for mankind through peaceful means"))
    f("initiative:gsi", "supports", "concept:peaceful-development",
      (A2, "a concrete manifestation of China's renewed pledge to take the path of peaceful development"))

    # article metadata
    f(d3, "author", "person:cao-zhongming",
      (A3, "Key Messages of China's Central Conference on Work Relating to Foreign Affairs to the World (II) – by Cao Zhongming, Ambassador of China to Belgium"))
    f(d3, "about", "event:central-conference-foreign-affairs-2023",
      (A3, "Key Messages of China's Central Conference on Work Relating to Foreign Affairs to the World (II)"))
    f(d4, "author", "person:guo-jiping", (A4, "By Guo Jiping, People’s Daily"))
    f(d4, "publisher", "organization:peoples-daily", (A4, "By Guo Jiping, People’s Daily"))
    f(d4, "datePublished", date("2024-01-21"), (A4, "January 21, 2024\nUpdated 2024/01/21 at 8:17 PM"))
    f(d1, "editor", "person:zhang-xian", (A1, "Editor: Zhang Xian"))

    # ---------------------------------------------------------------- events
    cc = "event:central-conference-foreign-affairs-2023"
    e(cc, "Central Conference on Work Relating to Foreign Affairs",
      "China's Central Conference on Work Relating to Foreign Affairs", cls="Conference")
    f(cc, "startDate", date("2023-12-27"), (A3, "On December 27-29, 2023, an important conference was held in Beijing, China."))
    f(cc, "endDate", date("2023-12-29"), (A3, "On December 27-29, 2023, an important conference was held in Beijing, China."))
    f(cc, "location", "city:beijing", (A3, "On December 27-29, 2023, an important conference was held in Beijing, China."))
    f(cc, "about", gcsf,
      (A3, "The Conference gave a systematic elaboration on and a comprehensive summary of the substantial practices in building a global community of shared future over the past decade"))
    ev = "event:work-conference-overseas-envoys-2023"
    e(ev, "Work conference for overseas envoys to foreign countries",
      "work conference for overseas envoys to foreign countries", cls="Conference")
    for p_, o in (("startDate", date("2023-12-27")), ("endDate", date("2023-12-29")),
                  ("location", "city:beijing")):
        f(ev, p_, o, (A3, "On December 27-29, 2023, an important conference was held in Beijing, China. That is the Central Conference on Work Relating to Foreign Affairs and the work conference for overseas envoys to foreign countries."))
    f(ev, "subEventOf", cc, (A3, "That is the Central Conference on Work Relating to Foreign Affairs and the work conference for overseas envoys to foreign countries."))

    g17 = "event:geneva-high-level-meeting-2017"
    e(g17, "High-level meeting on jointly building a global community of shared future",
      "high-level meeting on jointly building a global community of shared future", cls="Meeting")
    f(g17, "startDate", date("2017-01-18"), (A3, "held at the United Nations Office at Geneva on January 18, 2017"))
    f(g17, "location", "city:un-office-geneva", (A3, "held at the United Nations Office at Geneva on January 18, 2017"))
    f(g17, "participant", "person:xi-jinping",
      (A3, "held at the United Nations Office at Geneva on January 18, 2017, President Xi Jinping proposed"))

    e("event:conference-dialogue-asian-civilizations", "Conference on Dialogue of Asian Civilizations",
      cls="Conference")
    hosted = "China has initiated and hosted various international conferences and forums, including"
    for key, label, cls, quote in (
        ("event:conference-dialogue-asian-civilizations", None, None,
         "including the Conference on Dialogue of Asian Civilizations"),
        ("event:cpc-dialogue-world-parties", "CPC in Dialogue with World Political Parties High-level Meeting",
         "Meeting", "the CPC in Dialogue with World Political Parties High-level Meeting"),
        ("event:dialogue-mutual-learning-civilizations",
         "Dialogue on Exchanges and Mutual Learning Among Civilizations", "Meeting",
         "the Dialogue on Exchanges and Mutual Learning Among Civilizations"),
        ("event:ancient-civilizations-forum", "Ancient Civilizations Forum", "Forum",
         "the Ancient Civilizations Forum"),
        ("event:liangzhu-forum", "Liangzhu Forum", "Forum", "and the Liangzhu Forum"),
    ):
        if label:
            e(key, label, cls=cls)
        f(key, "organizer", "country:CHN", (A1, hosted), (A1, quote))
    f("event:conference-dialogue-asian-civilizations", "organizer", "country:CHN",
      (A0, "China has launched dialogue platforms that go beyond the Conference on Dialogue of Asian Civilizations"))
    f("event:cpc-dialogue-world-parties", "organizer", "organization:cpc",
      (A1, "the CPC in Dialogue with World Political Parties High-level Meeting"))
    e("event:meeting-brics-culture-ministers", "Meeting of BRICS Ministers of Culture", cls="Meeting")

    unga = "event:unga-78"
    e(unga, "78th session of the UN General Assembly", cls="Meeting")
    f(unga, "organizer", "organization:un-general-assembly",
      (A0, "participants of the 78th session of the UN General Assembly (2024)"))
    f(unga, "startDate", date("2024"), (A0, "the 78th session of the UN General Assembly (2024)"))
    intl_day = "event:intl-day-dialogue-civilizations"
    e(intl_day, "International Day for Dialogue Among Civilizations")
    f(intl_day, "observedOn", Lit("--06-10", "gMonthDay"),
      (A0, "the International Day for Dialogue Among Civilizations (June 10)"))
    res = "agreement:resolution-intl-day-dialogue-civilizations"
    e(res, "UN resolution establishing the International Day for Dialogue Among Civilizations")
    f(res, "proposedBy", "country:CHN",
      (A0, "China’s proposed resolution to establish the International Day for Dialogue Among Civilizations"))
    f(res, "adoptedAt", unga,
      (A0, "the unanimous approval by participants of the 78th session of the UN General Assembly (2024) of China’s proposed resolution"))
    f(res, "dateAdopted", date("2024"),
      (A0, "the unanimous approval by participants of the 78th session of the UN General Assembly (2024) of China’s proposed resolution"))
    f(res, "characterization", Lit("unanimous approval"),
      (A0, "the unanimous approval by participants of the 78th session of the UN General Assembly (2024)"))
    f(res, "establishes", intl_day,
      (A0, "China’s proposed resolution to establish the International Day for Dialogue Among Civilizations (June 10)"))
    f(intl_day, "proposedBy", "country:CHN",
      (A1, "It has also promoted the establishment of the International Day for Dialogue Among Civilizations at the UN General Assembly."))

    for key, label in (("event:ciie", "China International Import Expo"),
                       ("event:ciftis", "China International Fair for Trade in Services"),
                       ("event:cicgf", "China International Consumer Goods Fair"),
                       ("event:cisce", "China International Supply Chain Expo")):
        e(key, label, cls="Expo")
        f(key, "establishedBy", "country:CHN",
          (A1, "China has also established a range of international cooperation platforms, including the China International Import Expo, the China International Fair for Trade in Services, the China International Consumer Goods Fair, and the China International Supply Chain Expo."))

    e("event:un-peacekeeping", "UN peacekeeping operations")
    f("event:un-peacekeeping", "participant", "country:CHN",
      (A1, "China actively participates in UN peacekeeping operations"))
    f("event:un-peacekeeping", "organizer", "organization:united-nations",
      (A1, "participate in UN peacekeeping operations in more than 20 countries and regions"))
    e("event:gulf-of-aden-escort", "Escort missions in the Gulf of Aden")
    f("event:gulf-of-aden-escort", "participant", "country:CHN",
      (A1, "China actively participates in UN peacekeeping operations and escort missions in the Gulf of Aden."))
    f("event:gulf-of-aden-escort", "location", "region:gulf-of-aden",
      (A1, "escort missions in the Gulf of Aden"))

    e("event:ukraine-crisis", "Ukraine crisis", "situation in and around Ukraine")
    f("event:ukraine-crisis", "location", "country:UKR", (A0, "the situation in and around Ukraine"))
    e("event:us-russia-negotiations", "U.S.-Russia negotiations")
    for ctry in ("country:USA", "country:RUS"):
        f("event:us-russia-negotiations", "participant", ctry,
          (A0, "the U.S.-Russia negotiations, where the situation in and around Ukraine was merely one aspect of shaping a new world order"))
    f("event:us-russia-negotiations", "about", "event:ukraine-crisis",
      (A0, "the U.S.-Russia negotiations, where the situation in and around Ukraine was merely one aspect"))
    e("event:israel-palestine-conflict", "Israel-Palestine conflict", "Palestinian-Israeli conflict")
    for ctry, quote in (("country:ISR", "the latest round of violence between Israel and Palestine"),
                        ("country:PSE", "the latest round of violence between Israel and Palestine")):
        f("event:israel-palestine-conflict", "participant", ctry, (A1, quote))
    f("event:israel-palestine-conflict", "location", "region:gaza",
      (A1, "extend a helping hand to the people of Gaza who are in dire straits"))
    talks = "event:ukraine-peace-talks"
    e(talks, "Peace talks on the Ukraine crisis", "peace talks")
    f(talks, "about", "event:ukraine-crisis",
      (A1, "China has repeatedly articulated its principles and proposals for resolving the crisis and has continuously worked toward easing tensions and realizing the resumption of peace talks."))
    f(talks, "facilitatedBy", "country:CHN",
      (A1, "China is determined to facilitate peace talks while opposing all actions that seek to escalate tensions"),
      (A4, "On the Ukraine crisis, China always stands on the side of peace. What it calls for boils down to supporting talks for peace."))
    f("person:xi-jinping", "advocates", talks,
      (A1, "Since the Ukraine crisis began, President Xi has engaged in in-depth communications with leaders of various countries and multilateral institutions, including the UN, making it clear that China is determined to facilitate peace talks"))
    c.concept("concept:immediate-ceasefire", "Immediate ceasefire", "immediate ceasefire")
    f("country:CHN", "advocates", "concept:immediate-ceasefire",
      (A1, "It has issued a strong call to make an immediate ceasefire the overriding priority"))
    f("concept:immediate-ceasefire", "about", "event:israel-palestine-conflict",
      (A1, "In responding to the latest round of violence between Israel and Palestine, China has maintained an objective and impartial position. It has issued a strong call to make an immediate ceasefire the overriding priority"))
    f("concept:two-state-solution", "about", "event:israel-palestine-conflict",
      (A1, "the only viable way to break the cycle of conflict lies in the two-state solution and in working toward a solution to the Palestine issue"))
    c.concept("concept:palestine-solutions",
              "Solutions to the Palestinian-Israeli conflict for both immediate and long-term interests")
    f("concept:palestine-solutions", "proposedBy", "country:CHN",
      (A4, "After the outbreak of a new round of Palestinian-Israeli conflict, China proposed solutions that take into account both the immediate and long-term interests"))
    f("concept:palestine-solutions", "about", "event:israel-palestine-conflict",
      (A4, "After the outbreak of a new round of Palestinian-Israeli conflict, China proposed solutions"))
    e("event:northern-myanmar-de-escalation", "De-escalation of conflict in northern Myanmar")
    f("event:northern-myanmar-de-escalation", "facilitatedBy", "country:CHN",
      (A1, "China has helped facilitate a de-escalation of conflict in northern Myanmar"))
    f("event:northern-myanmar-de-escalation", "location", "region:northern-myanmar",
      (A1, "a de-escalation of conflict in northern Myanmar"))
    e("region:china-myanmar-border", "China-Myanmar border region")
    f("region:china-myanmar-border", "location", "country:MMR",
      (A1, "ensured peace and stability in the China-Myanmar border region"))
    f("event:northern-myanmar-de-escalation", "location", "region:china-myanmar-border",
      (A1, "China has helped facilitate a de-escalation of conflict in northern Myanmar and ensured peace and stability in the China-Myanmar border region."))
    f("person:xi-jinping", "advocates", "concept:principle-win-win",
      (A1, "Win-win cooperation should become every country’s basic policy preference in handling international affairs."))
    f("person:xi-jinping", "advocates", "concept:principle-mutual-respect",
      (A1, "“Differences and problems among countries, hardly avoidable, need to be handled through dialogue and cooperation on the basis of equality and mutual respect.”"))

    sa = "event:saudi-iran-dialogue-beijing"
    e(sa, "Saudi Arabia-Iran dialogue in Beijing", cls="Meeting")
    f(sa, "location", "city:beijing",
      (A4, "In March, Saudi Arabia and Iran achieved significant results in their dialogue in Beijing"))
    f(sa, "startDate", date("2023-03"),
      (A4, "In 2023, China worked with the international community to actively implement the Global Security Initiative. In March, Saudi Arabia and Iran"),
      note="'In March' in a paragraph on 2023")
    for ctry in ("country:SAU", "country:IRN"):
        f(sa, "participant", ctry,
          (A4, "In March, Saudi Arabia and Iran achieved significant results in their dialogue in Beijing"))
    f(sa, "about", "initiative:gsi",
      (A4, "In 2023, China worked with the international community to actively implement the Global Security Initiative. In March, Saudi Arabia and Iran"))
    f(sa, "characterization", Lit("an important model for countries to resolve conflicts through dialogue and negotiation"),
      (A4, "provided an important model for countries to resolve conflicts through dialogue and negotiation"))
    rsi = "relationship:saudi-arabia--iran-diplomatic"
    c.concept("concept:diplomatic-relations", "diplomatic relations", scheme="RelationshipTypeScheme")
    c.concept("concept:strategic-partnership", "strategic partnership", scheme="RelationshipTypeScheme")
    c.concept("concept:community-with-shared-future", "community with a shared future",
              scheme="RelationshipTypeScheme")
    c.concept("concept:comprehensive-strategic-cooperative-partnership",
              "comprehensive strategic cooperative partnership", scheme="RelationshipTypeScheme")
    c.concept("concept:bilateral-relations", "bilateral relations", scheme="RelationshipTypeScheme")
    c.relationship(rsi, "Saudi Arabia-Iran diplomatic relations",
                   parties=("country:SAU", "country:IRN"), kind="concept:diplomatic-relations",
                   src=(A1, "Saudi Arabia and Iran have chosen to let go of past grievances and restore diplomatic relations"))
    f(rsi, "party", "country:SAU", (A4, "Saudi Arabia and Iran achieved significant results in their dialogue in Beijing, agreeing to restore diplomatic relations"))
    f(rsi, "party", "country:IRN", (A4, "Saudi Arabia and Iran achieved significant results in their dialogue in Beijing, agreeing to restore diplomatic relations"))
    f(rsi, "facilitatedBy", "country:CHN",
      (A1, "With the strong support of China, Saudi Arabia and Iran have chosen to let go of past grievances and restore diplomatic relations."),
      (A4, "This highly anticipated diplomatic mediation has inspired a trend of reconciliation in the Middle East"))
    f(rsi, "startDate", date("2023-03"),
      (A4, "In March, Saudi Arabia and Iran achieved significant results in their dialogue in Beijing, agreeing to restore diplomatic relations."),
      note="'In March' in a paragraph on 2023; the date the restoration was agreed")
    f(sa, "outcome", rsi, (A4, "their dialogue in Beijing, agreeing to restore diplomatic relations"))
    f(sa, "characterization", Lit("inspired a trend of reconciliation in the Middle East"),
      (A4, "This highly anticipated diplomatic mediation has inspired a trend of reconciliation in the Middle East"))

    # Azerbaijan and China
    dec = "agreement:azerbaijan-china-strategic-partnership"
    e(dec, "Declaration on Strategic Partnership between Azerbaijan and China",
      "Declaration on Strategic Partnership")
    for ctry in ("country:AZE", "country:CHN"):
        f(dec, "party", ctry, (A0, "the Declaration on Strategic Partnership between Baku and Beijing in 2024"))
    f(dec, "dateAdopted", date("2024"), (A0, "the Declaration on Strategic Partnership between Baku and Beijing in 2024"))
    f(dec, "characterization", Lit("an important political step in bilateral relations"),
      (A0, "President Ilham Aliyev described the adoption of the Declaration on Strategic Partnership between Baku and Beijing in 2024 as \"an important political step in bilateral relations.\""))
    f(dec, "characterization", Lit("both sides regard each other as priority and reliable partners"),
      (A0, "The declaration itself underscores that both sides regard each other as \"priority and reliable\" partners"))
    f(dec, "characterization", Lit("independently determining the course of their bilateral relations regardless of external factors"),
      (A0, "independently determining the course of their bilateral relations \"regardless of external factors.\""))
    rac = "relationship:azerbaijan--china-strategic-partnership"
    c.relationship(rac, "Azerbaijan-China strategic partnership", parties=("country:AZE", "country:CHN"),
                   kind="concept:strategic-partnership",
                   src=(A0, "Xi Jinping stated that elevating bilateral ties to the level of strategic partnership marks \"a new starting point"))
    f(rac, "startDate", date("2024"), (A0, "the Declaration on Strategic Partnership between Baku and Beijing in 2024"))
    f(dec, "establishes", rac, (A0, "the adoption of the Declaration on Strategic Partnership between Baku and Beijing in 2024"))
    f(rac, "characterization", Lit("a new starting point"),
      (A0, "Xi Jinping stated that elevating bilateral ties to the level of strategic partnership marks \"a new starting point"))
    f(rac, "characterization", Lit("a very high level of mutual trust and cooperation"),
      (A0, "\"strategic partnership represents a very high level of mutual trust and cooperation.\""))
    intv = "event:aliyev-cgtn-interview"
    e(intv, "Ilham Aliyev's interview with CGTN", cls="Meeting")
    f(intv, "participant", "person:ilham-aliyev",
      (A0, "In a recent interview with China’s CGTN television channel, President Ilham Aliyev"))
    f(intv, "organizer", "organization:cgtn",
      (A0, "In a recent interview with China’s CGTN television channel"))
    f(intv, "about", dec,
      (A0, "President Ilham Aliyev described the adoption of the Declaration on Strategic Partnership"))
    f("country:CHN", "comparedWith", "country:AZE",
      (A0, "Beijing’s approach aligns with the position of official Baku"))

    # 004: 2023 in review
    note_2023 = "dated from 'In the past year' / 'In 2023' in an article published 2024-01-21"
    xb = "event:xi-biden-meeting-san-francisco"
    e(xb, "Xi Jinping-Joe Biden meeting in San Francisco", cls="Meeting")
    for who in ("person:xi-jinping", "person:joe-biden"):
        f(xb, "participant", who, (A4, "The meeting between Xi and his U.S. counterpart Joe Biden in San Francisco achieved important results"))
    f(xb, "location", "city:san-francisco", (A4, "The meeting between Xi and his U.S. counterpart Joe Biden in San Francisco"))
    f(xb, "startDate", date("2023"),
      (A4, "In 2023, China always kept its strategic focus, comprehensively planned its relations with relevant parties"),
      note=note_2023)
    rcu = "relationship:china--united-states"
    c.relationship(rcu, "China-United States relations", parties=("country:CHN", "country:USA"),
                   kind="concept:bilateral-relations",
                   src=(A4, "identifying the direction for the sound, steady and sustained development of bilateral ties"))
    f(xb, "about", rcu, (A4, "achieved important results, identifying the direction for the sound, steady and sustained development of bilateral ties"))
    rcr = "relationship:china--russia"
    c.relationship(rcr, "China-Russia relations", parties=("country:CHN", "country:RUS"),
                   kind="concept:bilateral-relations",
                   src=(A4, "Together, the Chinese and Russian heads of state charted the course for future growth of bilateral relations and cooperation across the board."))
    rce = "relationship:china--european-union"
    c.relationship(rce, "China-EU relations", parties=("country:CHN", "organization:european-union"),
                   kind="concept:bilateral-relations",
                   src=(A4, "China-EU relations have shown a sound momentum of full recovery and steady progress"))

    ccas = "event:china-central-asia-summit"
    e(ccas, "China-Central Asia Summit", cls="Summit")
    f(ccas, "participant", "country:CHN", (A4, "the signing of seven bilateral and multilateral agreements between China and the five Central Asian countries"))
    f(ccas, "participant", "region:central-asia", (A4, "the signing of seven bilateral and multilateral agreements between China and the five Central Asian countries"))
    f(ccas, "startDate", date("2023"), (A4, "In the past year, China firmly promoted regional peace, stability, and development. The successful China-Central Asia Summit"), note=note_2023)
    cca = "agreement:china-central-asia-summit-agreements"
    e(cca, "Bilateral and multilateral agreements of the China-Central Asia Summit")
    f(ccas, "outcome", cca, (A4, "The successful China-Central Asia Summit resulted in the signing of seven bilateral and multilateral agreements"))
    f(cca, "party", "country:CHN", (A4, "between China and the five Central Asian countries"))
    f(cca, "party", "region:central-asia", (A4, "between China and the five Central Asian countries"))
    c.stat("stat:china-central-asia-agreements", "Agreements signed at the China-Central Asia Summit: 7",
           subject=ccas, measure="bilateral and multilateral agreements signed", value=7,
           unit="agreements", ref="2023", note=note_2023,
           src=(A4, "The successful China-Central Asia Summit resulted in the signing of seven bilateral and multilateral agreements between China and the five Central Asian countries."))
    c.stat("stat:china-central-asia-cooperation-agreements",
           "Cooperation agreements inked alongside the China-Central Asia Summit: over 100",
           subject=ccas, measure="cooperation agreements inked across various fields", value=100,
           qualifier="over", unit="agreements", ref="2023", note=note_2023,
           src=(A4, "Additionally, over 100 cooperation agreements were inked across various fields."))

    rcv = "relationship:china--vietnam-community"
    c.relationship(rcv, "China-Vietnam community with a shared future",
                   "China-Vietnam community with a shared future that carries strategic significance",
                   parties=("country:CHN", "country:VNM"), kind="concept:community-with-shared-future",
                   src=(A4, "China and Vietnam will work together for a China-Vietnam community with a shared future that carries strategic significance"))
    rcvp = "relationship:china--vietnam-partnership"
    c.relationship(rcvp, "China-Vietnam comprehensive strategic cooperative partnership",
                   parties=("country:CHN", "country:VNM"),
                   kind="concept:comprehensive-strategic-cooperative-partnership",
                   src=(A4, "on the basis of deepening the comprehensive strategic cooperative partnership between the two sides"))
    f(rcv, "basedOn", rcvp, (A4, "a China-Vietnam community with a shared future that carries strategic significance on the basis of deepening the comprehensive strategic cooperative partnership"))
    f(rcv, "characterization", Lit("a new characterization of the relationship for the two parties and two countries"),
      (A4, "Announcing a new characterization of the relationship for the two parties and two countries"))

    brics15 = "event:15th-brics-summit"
    e(brics15, "15th BRICS Summit", cls="Summit")
    last_aug = "'Last August' in an article published 2024-01-21"
    f(brics15, "participant", "person:xi-jinping", (A4, "Last August, Xi attended the 15th BRICS Summit"))
    f(brics15, "startDate", date("2023-08"), (A4, "Last August, Xi attended the 15th BRICS Summit"), note=last_aug)
    f(brics15, "organizer", "organization:brics", (A4, "Xi attended the 15th BRICS Summit, promoting the historic expansion of the BRICS mechanism"))
    for key, label in (("event:brics-africa-outreach", "BRICS-Africa Outreach"),
                       ("event:brics-plus-dialogue", "BRICS Plus Dialogue")):
        e(key, label, cls="Meeting")
        f(key, "participant", "person:xi-jinping", (A4, "He joined the BRICS-Africa Outreach and BRICS Plus Dialogue"))
        f(key, "subEventOf", brics15, (A4, "Last August, Xi attended the 15th BRICS Summit, promoting the historic expansion of the BRICS mechanism. He joined the BRICS-Africa Outreach and BRICS Plus Dialogue"))
        f(key, "startDate", date("2023-08"), (A4, "Last August, Xi attended the 15th BRICS Summit, promoting the historic expansion of the BRICS mechanism. He joined the BRICS-Africa Outreach and BRICS Plus Dialogue"), note=last_aug)
    visit = "event:xi-visit-south-africa"
    e(visit, "Xi Jinping's visit to South Africa")
    f(visit, "participant", "person:xi-jinping", (A4, "During his visit to South Africa, Xi and the South African head of state agreed"))
    f(visit, "location", "country:ZAF", (A4, "During his visit to South Africa"))
    f(visit, "startDate", date("2023"), (A4, "In the past year, China firmly promoted regional peace"), note=note_2023)
    rza = "relationship:china--south-africa-community"
    c.relationship(rza, "High-level China-South Africa community with a shared future",
                   "high-level China-South Africa community with a shared future",
                   parties=("country:CHN", "country:ZAF"), kind="concept:community-with-shared-future",
                   src=(A4, "Xi and the South African head of state agreed to build a high-level China-South Africa community with a shared future"))
    f(visit, "outcome", rza, (A4, "During his visit to South Africa, Xi and the South African head of state agreed to build a high-level China-South Africa community with a shared future."))
    cald = "event:china-africa-leaders-dialogue"
    e(cald, "China-Africa Leaders' Dialogue", "China-Africa Leaders’ Dialogue", cls="Meeting")
    f(cald, "participant", "person:xi-jinping", (A4, "He also attended the China-Africa Leaders’ Dialogue"))
    c.concept("concept:africa-integration", "Africa's integration and modernization",
              "Africa’s integration and modernization")
    f("person:xi-jinping", "advocates", "concept:africa-integration",
      (A4, "raised new proposals on and assisting in Africa’s integration and modernization"))
    f("concept:africa-integration", "about", "region:africa",
      (A4, "Africa’s integration and modernization"))
    f(cald, "subEventOf", visit, (A4, "During his visit to South Africa, Xi and the South African head of state agreed to build a high-level China-South Africa community with a shared future. He also attended the China-Africa Leaders’ Dialogue"))
    f(cald, "startDate", date("2023"), (A4, "In the past year, China firmly promoted regional peace"), note=note_2023)

    rch = "relationship:china--honduras-diplomatic"
    c.relationship(rch, "China-Honduras diplomatic relations", parties=("country:CHN", "country:HND"),
                   kind="concept:diplomatic-relations",
                   src=(A4, "In 2023, China established diplomatic relations with Honduras"))
    f(rch, "startDate", date("2023"), (A4, "In 2023, China established diplomatic relations with Honduras"))
    c.stat("stat:partnerships-2023", "Countries with which China set up or upgraded partnerships in 2023: more than 10",
           subject="country:CHN", measure="countries with which partnerships were set up or upgraded",
           value=10, qualifier="more than", unit="countries", ref="2023",
           src=(A4, "In 2023, China established diplomatic relations with Honduras, set up or upgraded partnerships with more than 10 countries"))

    bf3 = "event:third-belt-and-road-forum"
    e(bf3, "Third Belt and Road Forum for International Cooperation", cls="Forum")
    f(bf3, "startDate", date("2023-10"), (A4, "In October 2023, the Third Belt and Road Forum for International Cooperation was hosted."))
    f(bf3, "about", bri, (A4, "China worked with all parties involved to deepen Belt and Road partnerships of cooperation"))
    f(bf3, "participant", "country:CHN", (A4, "China worked with all parties involved to deepen Belt and Road partnerships of cooperation"))
    c.stat("stat:brf3-outcomes", "Outcomes delivered at the Third Belt and Road Forum: 458",
           subject=bf3, measure="outcomes delivered at the forum", value=458, unit="outcomes",
           qualifier="exactly",
           src=(A4, "At present, all the 458 outcomes delivered at the forum are being implemented."))
    c.stat("stat:brf3-major-steps", "Major steps China announced to support high-quality Belt and Road cooperation: 8",
           subject=bf3, measure="major steps China will take to support high-quality Belt and Road cooperation",
           value=8, unit="steps", qualifier="exactly", ref="2023-10",
           src=(A4, "announced eight major steps China will take to support the joint pursuit of high-quality Belt and Road cooperation"))
    e("organization:foreign-political-parties", "Political parties of other countries")
    f("organization:cpc", "partner", "organization:foreign-political-parties",
      (A4, "The Communist Party of China exchanged with and learned from political parties of other countries"))

    # ---------------------------------------------------------------- projects
    ltr = "project:lancang-bullet-train"
    e(ltr, "Lancang bullet train", "\"Lancang\" bullet train")
    for ctry in ("country:CHN", "country:LAO"):
        f(ltr, "establishedBy", ctry, (A2, "In December 2021, China and Laos launched the \"Lancang\" bullet train"))
    f(ltr, "dateEstablished", date("2021-12"), (A2, "In December 2021, China and Laos launched the \"Lancang\" bullet train"))
    f(ltr, "characterization", Lit("the first time in the history of Laos to have a train"),
      (A2, "which is the first time in the history of Laos to have a train"))
    f(ltr, "characterization", Lit("from locked country to land-linked country"),
      (A2, "from \"locked country\" to \"land-linked country\""))
    f(ltr, "supports", gcsf, (A2, "with actions to interpret the connotation of the relationship to build a community of common destiny"))
    ctar = "concept:china-tariff-level"
    c.concept(ctar, "China's overall tariff level", "overall tariff level")
    f(ctar, "comparedWith", "organization:wto",
      (A1, "It has reduced its overall tariff level to a rate on par with the developed members of the WTO"))
    f(ctar, "characterization", Lit("on par with the developed members of the WTO"),
      (A1, "It has reduced its overall tariff level to a rate on par with the developed members of the WTO"))
    f(ctar, "about", "country:CHN",
      (A1, "It has reduced its overall tariff level to a rate on par with the developed members of the WTO"))
    mous = "agreement:south-south-climate-mous"
    e(mous, "South-South cooperation memorandums of understanding on climate change",
      "South-South cooperation memorandums of understanding")
    f(mous, "party", "country:CHN", (A1, "it had signed 53 South-South cooperation memorandums of understanding with 42 developing countries to address climate change"))
    f(mous, "about", "initiative:south-south-climate", (A1, "China is also working to implement the Belt and Road South-South Cooperation Initiative on Climate Change. By October 2024, it had signed 53 South-South cooperation memorandums of understanding"))
    e("project:covid-19-vaccines", "COVID-19 vaccines donated by China", "COVID-19 vaccines")
    f("project:covid-19-vaccines", "establishedBy", "country:CHN",
      (A2, "The COVID-19 vaccines donated by China have covered almost all of China's neighboring countries"))
    f("project:covid-19-vaccines", "characterization",
      Lit("covered almost all of China's neighboring countries, especially neighboring developing countries"),
      (A2, "The COVID-19 vaccines donated by China have covered almost all of China's neighboring countries, especially neighboring developing countries."))
    e("project:humanitarian-aid-gaza", "Humanitarian aid to Gaza")
    f("project:humanitarian-aid-gaza", "establishedBy", "country:CHN",
      (A1, "China has also increased humanitarian aid to extend a helping hand to the people of Gaza"))
    f("project:humanitarian-aid-gaza", "location", "region:gaza",
      (A1, "the people of Gaza who are in dire straits"))
    e("project:visa-free-policies", "Visa-free policies and simplified entry procedures")
    f("project:visa-free-policies", "establishedBy", "country:CHN",
      (A1, "China has recently introduced a series of measures, including visa-free policies and simplified entry procedures"))

    # ---------------------------------------------------------------- statistics
    CHN = "country:CHN"
    s = c.stat
    s("stat:multilateral-mechanisms", "Mechanisms for multilateral exchange and cooperation promoted by China: 16",
      subject="initiative:multilateral-exchange-mechanisms",
      measure="mechanisms for multilateral exchange and cooperation promoted", value=16,
      unit="mechanisms", qualifier="exactly",
      src=(A0, "the promotion of 16 mechanisms for multilateral exchange and cooperation"))
    s("stat:peacekeepers", "Peacekeepers dispatched by China: over 50,000", subject=CHN,
      measure="peacekeepers dispatched to UN peacekeeping operations", value=50000,
      unit="peacekeepers", qualifier="over",
      src=(A1, "China has dispatched over 50,000 peacekeepers to participate in UN peacekeeping operations"))
    s("stat:peacekeeping-places", "Countries and regions of China's peacekeeping deployments: more than 20",
      subject=CHN, measure="countries and regions where Chinese peacekeepers served",
      value=20, unit="countries and regions", qualifier="more than",
      src=(A1, "UN peacekeeping operations in more than 20 countries and regions"))
    s("stat:un-budget-rank", "China's rank as contributor to the UN regular budget and peacekeeping assessments: 2",
      subject=CHN, measure="rank as contributor to the UN regular budget and peacekeeping assessments",
      value=2, unit="rank",
      src=(A1, "As the second largest contributor to the UN regular budget and peacekeeping assessments"))
    s("stat:gsi-support", "Countries and organizations supporting the Global Security Initiative: over 100",
      subject="initiative:gsi", measure="countries and international and regional organizations supporting",
      value=100, unit="countries and organizations", qualifier="over",
      src=(A1, "The Global Security Initiative has so far gained the support of over 100 countries and international and regional organizations"))
    s("stat:three-initiatives-support", "Countries supporting the three global initiatives: over 100",
      subject="initiative:three-global-initiatives", measure="countries giving support and warm response",
      value=100, unit="countries", qualifier="over",
      src=(A3, "which have had the unequivocal support and warm response from over 100 countries"))
    s("stat:growth-contribution", "China's contribution to global growth: around 30%",
      subject=CHN, measure="contribution to global growth", value=30, unit="percent",
      qualifier="around",
      src=(A1, "China’s contribution to global growth has held steady at around 30% for many years now"))
    s("stat:major-trading-partner", "Countries and regions for which China is a major trading partner: more than 150",
      subject=CHN, measure="countries and regions for which China is a major trading partner",
      value=150, unit="countries and regions", qualifier="more than",
      src=(A1, "it has become a major trading partner for more than 150 countries and regions"))
    s("stat:largest-trading-partner-2021", "Countries and regions for which China was the largest trading partner in 2021: 124",
      subject=CHN, measure="countries and regions for which China is the largest trading partner",
      value=124, unit="countries and regions", qualifier="exactly", ref="2021",
      src=(A2, "In 2021, China has become the largest trading partner of 124 countries and regions."))
    s("stat:china-trade-2019", "China's total import and export trade of goods in 2019: 4.58 trillion dollars",
      subject=CHN, measure="total import and export trade of goods", value="4580000000000",
      unit="US dollars", qualifier="exactly", ref="2019",
      src=(A2, "In 2019, China's total import and export trade of goods reached 4.58 trillion dollars"))
    s("stat:us-trade-2019", "United States total trade in 2019: 4.2 trillion dollars",
      subject="country:USA", measure="total import and export trade of goods", value="4200000000000",
      unit="US dollars", qualifier="exactly", ref="2019",
      src=(A2, "which is far more than the 4.2 trillion dollars of the United States"))
    s("stat:gvc-share", "Share of global trade contributed by the global value chain: 80%",
      subject="concept:global-value-chain", measure="share of global trade contributed by the global value chain",
      value=80, unit="percent",
      src=(A2, "80% of global trade is contributed by the global value chain"))
    s("stat:vaccine-doses", "COVID-19 vaccine doses China provided to the world by November 2021: more than 1.8 billion",
      subject="project:covid-19-vaccines", measure="COVID-19 vaccine doses provided to the world",
      value=1800000000, unit="doses", qualifier="more than", ref="2021-11",
      src=(A2, "China has provided more than 1.8 billion doses of vaccines to the world by November 2021"))
    s("stat:cultural-centers", "Overseas Chinese cultural centers established by the end of 2023: 48",
      subject="organization:overseas-chinese-cultural-centers", measure="overseas Chinese cultural centers established",
      value=48, unit="cultural centers", qualifier="exactly", ref="2023-12",
      note="'By the end of 2023'",
      src=(A1, "By the end of 2023, China had established 48 overseas Chinese cultural centers"))
    s("stat:sister-cities", "Sister city (province/state) relationships of Chinese local governments as of November 2024: 3,054",
      subject=CHN, measure="sister city (province/state) relationships established by local governments",
      value=3054, unit="relationships", qualifier="exactly", ref="2024-11",
      src=(A1, "As of November 2024, local governments have established 3,054 sister city (province/state) relationships"))
    s("stat:sister-city-countries", "Countries of China's sister city partners as of November 2024: 147",
      subject=CHN, measure="countries of sister city partners", value=147, unit="countries",
      qualifier="exactly", ref="2024-11",
      src=(A1, "relationships with partners in 147 countries across five continents"))
    s("stat:photovoltaic", "Share of the world's installed photovoltaic capacity found in China: close to half",
      subject=CHN, measure="share of the world’s installed photovoltaic capacity", value=50,
      unit="percent", qualifier="close to",
      src=(A1, "Close to half of the world’s installed photovoltaic capacity is found in China"))
    s("stat:nev", "Share of the world's new energy vehicles running in China: over half",
      subject=CHN, measure="share of the world’s new energy vehicles running on roads in China",
      value=50, unit="percent", qualifier="over",
      src=(A1, "over half of the world’s new energy vehicles run on roads in China"))
    s("stat:green-spaces", "Share of the world's newly created green spaces located in China: one-quarter",
      subject=CHN, measure="share of the world’s newly created green spaces", value=25,
      unit="percent", qualifier="exactly",
      src=(A1, "one-quarter of the world’s newly created green spaces are located in China"))
    clim = "initiative:south-south-climate"
    s("stat:ss-mous", "South-South climate cooperation MoUs signed by October 2024: 53",
      subject=clim, measure="South-South cooperation memorandums of understanding signed",
      value=53, unit="memorandums of understanding", qualifier="exactly", ref="2024-10",
      src=(A1, "By October 2024, it had signed 53 South-South cooperation memorandums of understanding"))
    s("stat:ss-mou-countries", "Developing countries with South-South climate MoUs by October 2024: 42",
      subject=clim, measure="developing countries with South-South climate memorandums", value=42,
      unit="countries", qualifier="exactly", ref="2024-10",
      src=(A1, "memorandums of understanding with 42 developing countries to address climate change"))
    s("stat:ss-projects", "Climate mitigation and adaptation projects rolled out by October 2024: almost 100",
      subject=clim, measure="climate mitigation and adaptation projects rolled out", value=100,
      unit="projects", qualifier="almost", ref="2024-10",
      src=(A1, "rolled out almost 100 climate mitigation and adaptation projects"))
    s("stat:ss-capacity", "Capacity-building projects in climate-related fields by October 2024: over 300",
      subject=clim, measure="capacity-building projects in climate-related fields", value=300,
      unit="projects", qualifier="over", ref="2024-10",
      src=(A1, "carried out over 300 capacity-building projects in climate-related fields"))
    s("stat:ss-training", "Climate training opportunities provided by October 2024: more than 10,000",
      subject=clim, measure="training opportunities provided", value=10000,
      unit="training opportunities", qualifier="more than", ref="2024-10",
      src=(A1, "provided more than 10,000 training opportunities to people from over 120 developing countries"))
    s("stat:ss-training-countries", "Developing countries whose people received climate training by October 2024: over 120",
      subject=clim, measure="developing countries whose people received training", value=120,
      unit="countries", qualifier="over", ref="2024-10",
      src=(A1, "training opportunities to people from over 120 developing countries"))
    s("stat:bri-beneficiaries", "Countries benefiting from the Belt and Road Initiative: over 150",
      subject=bri, measure="countries benefiting", value=150, unit="countries", qualifier="over",
      src=(A3, "Benefiting over 150 countries, the BRI has become the most popular international public good"))
    s("stat:bri-years", "Years since the inception of the Belt and Road Initiative: more than 10",
      subject=bri, measure="years since inception", value=10, unit="years", qualifier="more than",
      src=(A1, "In the more than 10 years since its inception, the Belt and Road Initiative has borne considerable fruits"))
    f("stat:bri-years", "value", num(10),
      (A3, "Over the past 10-plus years, Belt and Road cooperation has stayed committed to its founding mission"))
    f("country:CHN", "characterization",
      Lit("accomplished, ahead of schedule, its targets for 2020 for tackling climate change and establishing protected areas"),
      (A1, "China accomplished, ahead of schedule, its targets for 2020 for tackling climate change and establishing protected areas."))
    c.concept("concept:global-value-chain", "Global value chain", "global value chain")


def main(argv: list[str]) -> None:
    """``curate.py [SEEDS_DIR [OUTPUT]]``: defaults ../shared/seeds and data/triples.ttl."""
    seeds = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "seeds"
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "data" / "triples.ttl"
    c = Curation(seeds)
    curate(c)
    out.parent.mkdir(parents=True, exist_ok=True)
    c.write(out)
    print(f"wrote {out}: {len(c.g)} triples, {len(c.entities)} entities", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
