"""What patients type into the search box, and the page each should find in the
top 3 results: lay words, UK spellings, typos and questions. Used by the search
tests in both editions and by `make bench`, which reports the share found."""
from __future__ import annotations

import re

# (query, the page that should be in the top 3: a regular expression over the
# page's path, "" being the start page).
QUERIES = [
    ("oedema", "what-is-it|glossary"), ("edma", "what-is-it"), ("ibuprofen", "treatment"),
    ("painkillers", "treatment"), ("naproxen", "treatment"), ("anti-inflammatory", "treatment"),
    ("broken bone", "glossary|causes"), ("bone bruise", "causes"), ("bone infection", "causes"),
    ("leukaemia", "causes"), ("tumour", "is-it-serious"), ("physiotherapy", "treatment"), ("osteoarthritis", "causes"),
    ("ostearthritis", "causes"), ("osteoporsis", "causes"), ("tendinitis", "causes"),
    ("how long does the pain last", "symptoms"), ("will it get better", "|what-is-it|is-it-serious"),
    ("is it cancer", "is-it-serious"), ("when to call the doctor", "is-it-serious"),
    ("swollen joint", "symptoms"), ("knee", "what-is-it"), ("MRI scan", "diagnosis"), ("ultrasound", "diagnosis"),
    ("blood test", "diagnosis"), ("bone density scan", "diagnosis"), ("cat scan", "diagnosis"),
    ("xray", "glossary|diagnosis"), ("physio", "treatment|glossary"), ("surgery", "treatment"),
    ("steroid injection", "treatment"), ("rest", "treatment"),
    # Words without meaning ("the", "in", "my") do not rank.
    ("the pain in my knee", "symptoms"), ("what is the treatment", "treatment"),
]

# Questions as patients type them (data/search_questions.yml): the page that
# answers each must come first, at the heading that answers it.
QUESTIONS = [
    ("is it cancer", "is-it-serious#could-it-be-cancer"),
    ("when should i go to the ER", "is-it-serious#when-to-get-help"),
    ("how long will it hurt", "symptoms#how-the-pain-changes-over-time"),
    ("can I walk on it", "treatment#first-steps"),
    ("Will it get better?", "what-is-it#will-it-get-better"),
    ("what causes it", "causes"),
    ("do I need surgery", "treatment#more-serious-cases"),
    # Never "doing die": a slip is not looked for in a word's first letter.
    ("am I going to die", "is-it-serious#is-it-serious"),
]
SPANISH_QUESTIONS = [
    ("es cáncer", "is-it-serious#podria-ser-cancer"),
    ("cuando debo ir a urgencias", "is-it-serious#cuando-pedir-ayuda"),
    ("cuánto tiempo va a doler", "symptoms#como-cambia-el-dolor-con-el-tiempo"),
    ("puedo caminar", "treatment#primeros-pasos"),
    ("¿va a mejorar?", "what-is-it#va-a-mejorar"),
    ("que lo causa", "causes"),
    ("¿necesito cirugía?", "treatment#casos-mas-graves"),
]

# The same for the Spanish edition (paths inside es/): plurals, words without
# their accents, misspellings a Spanish speaker makes, everyday words.
SPANISH_QUERIES = [
    ("dolores", "symptoms"),
    ("cancer", "is-it-serious"),
    ("que es el edema de medula osea", "what-is-it"),
    ("hinchason", "symptoms"),
    ("rodilla hinchada", "symptoms"),
    ("resonancia magnetica", "diagnosis"),
    ("radiografia", "diagnosis"),
    ("ibuprofeno", "treatment"),
    ("cirugia", "treatment"),
    ("fisioterapia", "treatment"),
    ("artritis", "causes"),
    ("infeccion del hueso", "causes"),
    ("es grave", "is-it-serious"),
    ("pruebas", "diagnosis"),
    ("esteroides", "treatment"),
    ("fractura por estres", "causes"),
    ("piernas pesadas", "symptoms"),
    ("fovea", "symptoms"),
    ("leucemia", "causes"),
    ("sin internet", "offline"),
    # "de" is left out: it matched "desgaste", "degenerativas", "defensas".
    ("dolor de rodilla", "symptoms"),
    # One slip from "cáncer" once accents are set aside.
    ("es canser", "is-it-serious|causes"),
]

# Pages of the web edition only: the kiosk has no "Use this guide offline".
WEB_ONLY = {"offline"}

# One result per page, in Material's order.
TOP_RESULTS = ".md-search-result__list > .md-search-result__item > a"


def page_path(href: str, site: str) -> str:
    """ "http://.../bme-guide/causes/?h=x#y" or "file:///.../causes.html?h=x" -> "causes" """
    path = href.removeprefix(site).split("?")[0].split("#")[0]
    return re.sub(r"(/index)?(\.html|/)$", "", path).removesuffix("index")


def search(page, query: str) -> list[str]:
    """Type the query as a person does; the paths of the pages found, in order."""
    box = page.locator('input[data-md-component="search-query"]')
    if not box.is_visible():
        page.locator('label.md-header__button[for="__search"]').click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(1200)  # after a pause, a corrected or widened query searches once more
    return page.eval_on_selector_all(TOP_RESULTS, "links => links.map(a => a.href)")


def found(paths: list[str], wanted: str) -> bool:
    return any(re.fullmatch(wanted, path) for path in paths[:3])


def answer_of(href: str, site: str) -> str:
    """A result's page and heading: "is-it-serious#could-it-be-cancer"."""
    return page_path(href, site) + ("#" + href.split("#", 1)[1] if "#" in href else "")
