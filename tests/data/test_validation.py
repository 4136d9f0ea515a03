"""Corrupted data is rejected with a message naming file, row, field and reason; real data passes."""

import json
import re

import pytest

from yrdbook.datapackage import paths
from yrdbook.datapackage.problems import DataPackageError
from yrdbook.datapackage.read import file_resources, table_resources
from yrdbook.datapackage.validate import main, validate


def test_real_data_passes():
    tables = validate()
    assert {"provinces", "cities", "eras", "groupings", "events", "memberships", "amounts", "lists"} <= set(tables)
    assert all(len(frame) for frame in tables.values())


def test_cli_reports_success(capsys):
    assert main([]) == 0
    assert "data/ is valid" in capsys.readouterr().out


def replace_line(file, pattern, replacement):
    def edit(text):
        new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
        assert count == 1, f"corruption pattern {pattern!r} did not match {file}"
        return new
    return file, edit


def append_line(file, line):
    return file, lambda text: text + line + "\n"


def delete_line(file, pattern):
    return replace_line(file, pattern + r".*\n", "")


# (id, (file, edit), substrings the message must contain)
CORRUPTIONS = [
    ("duplicate-key", append_line("cities.csv", "shanghai,上海,Shanghai,SH,municipality,,121.47,31.23,I.1,source_paper"),
     ["data/cities.csv", "row 40", "field 'city_id'", "unique"]),
    ("duplicate-composite-key", append_line("memberships.csv", "plan_2010,nantong,member,2010-06,month,plan_2010_issued,,,I.3,ref02"),
     ["data/memberships.csv", "row 103", "primary"]),
    ("impossible-date", replace_line("events.csv", r"2013-04-13,day", "2013-02-30,day"),
     ["data/events.csv", "row 9", "field 'date'", "not a calendar date"]),
    ("impossible-month", replace_line("events.csv", r"2003-08,month", "2003-13,month"),
     ["data/events.csv", "row 7", "field 'date'", "not a calendar date"]),
    ("precision-mismatch", replace_line("events.csv", r"2003-08,month", "2003-08,day"),
     ["data/events.csv", "row 7", "field 'date'", "precision 'day'"]),
    ("date-with-unknown-precision", replace_line("memberships.csv", r"shaoxing,member,,unknown", "shaoxing,member,1984,unknown"),
     ["data/memberships.csv", "field 'joined'", "precision is 'unknown'"]),
    ("malformed-date", replace_line("events.csv", r"1988-06-01,day", "1 June 1988,day"),
     ["data/events.csv", "row 4", "field 'date'", "constraint"]),
    ("dangling-city", replace_line("memberships.csv", r"^city_council,hefei,", "city_council,hefeii,"),
     ["data/memberships.csv", "city_id", "hefeii", "which is not a city_id of cities.csv"]),
    ("dangling-group", replace_line("events.csv", r",plan_2016,,true,I\.3", ",plan_2061,,true,I.3"),
     ["data/events.csv", "group_id", "plan_2061", "which is not a group_id of groupings.csv"]),
    ("latitude-outside-region", replace_line("cities.csv", r"121\.47,31\.23", "121.47,39.90"),
     ["data/cities.csv", "row 2", "field 'lat'", "39.90", "maximum"]),
    ("longitude-outside-region", replace_line("cities.csv", r"117\.23,31\.82", "113.23,31.82"),
     ["data/cities.csv", "field 'lon'", "113.23", "minimum"]),
    ("blank-translation", replace_line("cities.csv", r"^nantong,南通,Nantong,", "nantong,南通,,"),
     ["data/cities.csv", "row 6", "field 'name_en'", "constraint \"required\""]),
    ("whitespace-translation", replace_line("cities.csv", r"^nantong,南通,Nantong,", "nantong,南通,   ,"),
     ["data/cities.csv", "row 6", "field 'name_en'", "pattern"]),
    ("chinese-name-not-chinese", replace_line("cities.csv", r"^jiaxing,嘉兴,", "jiaxing,Jiaxing,"),
     ["data/cities.csv", "field 'name_zh'", "pattern"]),
    ("untranslated-english", replace_line("eras.csv", r"segmented governance,", "分割式治理,"),
     ["data/eras.csv", "row 2", "field 'name_en'", "pattern"]),
    ("unknown-bib-key", replace_line("events.csv", r"I\.3,ref03$", "I.3,ref99"),
     ["data/events.csv", "field 'source'", "'ref99' is not a key of references.bib"]),
    ("malformed-source-key", replace_line("events.csv", r"I\.3,ref03$", "I.3,Tang 2018"),
     ["data/events.csv", "field 'source'", "pattern"]),
    ("value-outside-enum", replace_line("cities.csv", r"^wuxi,无锡,Wuxi,JS,prefecture,", "wuxi,无锡,Wuxi,JS,metropolis,"),
     ["data/cities.csv", "row 4", "field 'admin_level'", "enum"]),
    ("bad-section", replace_line("eras.csv", r",I\.1,source_paper$", ",V.1,source_paper"),
     ["data/eras.csv", "field 'section'", "pattern"]),
    ("wrong-type", replace_line("cities.csv", r"120\.89,31\.98", "120.89,north"),
     ["data/cities.csv", "field 'lat'", "value 'north' is not a number"]),
    ("non-integer-count", replace_line("events.csv", r",city_council,30,false,I\.2", ",city_council,thirty,false,I.2"),
     ["data/events.csv", "field 'stated_member_count'", "thirty"]),
    ("ragged-row-extra-cell", replace_line("provinces.csv", r"^AH,.*$", "AH,安徽省,Anhui,province,I.2,source_paper,extra"),
     ["data/provinces.csv", "row 5", "has 7 values where the header has 6 columns", "unquoted comma"]),
    ("ragged-row-missing-cell", replace_line("provinces.csv", r"^AH,.*$", "AH,安徽省,Anhui,province,I.2"),
     ["data/provinces.csv", "row 5", "field 'source'", "has 5 values where the header has 6 columns"]),
    ("renamed-header", replace_line("cities.csv", r"^city_id,name_zh,name_en,", "city,name_zh,name_en,"),
     ["data/cities.csv", "city"]),
    ("missing-required-value", replace_line("events.csv", r"^sez_office_1983,1983-03-22,day,,segmented,", "sez_office_1983,1983-03-22,day,,,"),
     ["data/events.csv", "row 3", "field 'era_id'", "required"]),
    ("stated-plan-count-mismatch", delete_line("memberships.csv", r"^plan_2010,zhoushan,"),
     ["data/groupings.csv", "field 'stated_city_count'", "states 16 cities", "lists 15"]),
    ("stated-council-count-mismatch", replace_line("events.csv", r",city_council,30,false,I\.2", ",city_council,31,false,I.2"),
     ["data/events.csv", "field 'stated_member_count'", "states 31 members", "admits 30"]),
    ("semicolon-delimited", ("amounts.csv", lambda text: text.replace(",", ";")),
     ["data/amounts.csv", "row 1", "separates its columns with semicolons"]),
    ("stray-quote", replace_line("cities.csv", r"^suzhou,苏州,", 'suzhou,"苏州,'),
     ["data/cities.csv, row 3", "not well-formed CSV", "quotes"]),
    ("unquoted-comma", replace_line("cities.csv", r"^suzhou,苏州,Suzhou,", "suzhou,苏州,Suzhou, Jiangsu,"),
     ["data/cities.csv", "row 3", "unquoted comma"]),
    ("header-only-amounts", ("amounts.csv", lambda text: text.splitlines()[0] + "\n"),
     ["data/amounts.csv", "has a header but no rows"]),
    ("header-only-events", ("events.csv", lambda text: text.splitlines()[0] + "\n"),
     ["data/events.csv", "has a header but no rows"]),
    ("extra-column", ("provinces.csv", lambda text: "\n".join(line + (",note" if i == 0 else ",x")
                                                              for i, line in enumerate(text.splitlines())) + "\n"),
     ["data/provinces.csv", "row 1", "field 'note'", "column 'note' is not in the schema"]),
    ("missing-column", ("units.csv", lambda text: "\n".join(line.rsplit(",", 1)[0] for line in text.splitlines()) + "\n"),
     ["data/units.csv", "row 1", "field 'source_note'", "missing from the header"]),
    ("boolean-yes", replace_line("events.csv", r",city_council,30,false,I\.2", ",city_council,30,yes,I.2"),
     ["data/events.csv", "field 'links_national_strategy'", "value 'yes' is not true or false"]),
    ("event-outside-its-era", replace_line("events.csv", r"^(sez_abolished_1988,1988-06-01,day,,)segmented,", r"\1integrated_collaborative,"),
     ["data/events.csv", "row 4", "field 'era_id'", "dated 1988-06-01, outside the years of 'integrated_collaborative'"]),
    ("quote-does-not-state-value", replace_line("quotes.csv", r"^events,council_2013,stated_member_count,[^,]*,", "events,council_2013,stated_member_count,扩容至 31 个,"),
     ["data/quotes.csv", "field 'quote_zh'", "does not state the value '30'"]),
    ("quote-of-a-missing-row", append_line("quotes.csv", "events,council_2099,date,2099 年,I.2,,"),
     ["data/quotes.csv", "field 'row_key'", "events.csv has no row 'council_2099'"]),
    ("note-value-without-field", append_line("source_notes.csv", "stray_note,99,t,题,甲,I.1,乙,I.2,a,w,因,,,,,,2016-02-06,I.1,source_paper"),
     ["data/source_notes.csv", "field 'value_b'", "needs the table, row and field"]),
    ("chinese-text-missing", replace_line("glossary.csv", r",以上海为中心、地跨江苏和浙江的城市区域，广义上还包括安徽。,", ",,"),
     ["data/glossary.csv", "row 2", "field 'definition_zh'", "Chinese of 'definition_en'"]),
    ("list-count-mismatch", delete_line("list_items.csv", r"^g60_three_fields,3,"),
     ["data/lists.csv", "field 'stated_count'", "states 3 items for 'g60_three_fields'", "has 2"]),
    ("framework-edge-to-nowhere", replace_line("framework_edges.csv", r"^pull_push,active_docking,", "pull_push,active_dokcing,"),
     ["data/framework_edges.csv", "row 4", "field 'to_id'", "active_dokcing"]),
    ("codebook-unknown-field", replace_line("driver_codebook.csv", r",pull_push,docking_city,", ",pull_push,docking_town,"),
     ["data/driver_codebook.csv", "field 'field'", "no column 'docking_town'"]),
    ("end-before-start", replace_line("events.csv", r"2017-09-11,day,2017-09-15", "2017-09-11,day,2017-09-01"),
     ["data/events.csv", "field 'end_date'", "before the start date"]),
    ("unknown-unit", replace_line("amounts.csv", r",7500,万美元,", ",7500,万美金,"),
     ["data/amounts.csv", "unit", "万美金", "which is not a unit of units.csv"]),
    ("negative-amount", replace_line("amounts.csv", r",1772,亿元,", ",-1772,亿元,"),
     ["data/amounts.csv", "field 'value'", "minimum"]),
    ("stated-province-count-mismatch", replace_line("groupings.csv", r"(,2010-06,month,16),2,1,", r"\1,3,1,"),
     ["data/groupings.csv", "field 'stated_provinces'", "states 3 province"]),
]


@pytest.mark.parametrize("name, corruption, expected", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corruption_is_rejected_clearly(data_copy, name, corruption, expected):
    file, edit = corruption
    path = data_copy / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataPackageError) as caught:
        validate(data_copy, data_copy.parent / "references.bib")
    message = str(caught.value)
    for text in expected:
        assert text in message, f"{name}: expected {text!r} in:\n{message}"
    assert "Traceback" not in message


def test_wrong_encoding(data_copy):
    path = data_copy / "cities.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    with pytest.raises(DataPackageError, match=r"data/cities\.csv, row 2: is not UTF-8"):
        validate(data_copy, data_copy.parent / "references.bib")


def test_empty_file(data_copy):
    (data_copy / "eras.csv").write_text("")
    with pytest.raises(DataPackageError, match=r"data/eras\.csv: file is empty"):
        validate(data_copy, data_copy.parent / "references.bib")


def test_missing_file(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataPackageError, match=r"data/events\.csv: file is missing"):
        validate(data_copy, data_copy.parent / "references.bib")


def test_malformed_descriptor(data_copy):
    (data_copy / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    with pytest.raises(DataPackageError, match=r"data/datapackage\.json: cannot be read"):
        validate(data_copy, data_copy.parent / "references.bib")


def test_broken_bibliography(data_copy):
    bib = data_copy.parent / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{broken,\n  title = {unclosed\n", encoding="utf-8")
    with pytest.raises(DataPackageError, match=r"references\.bib: cannot be read as BibTeX"):
        validate(data_copy, bib)


def test_every_problem_is_reported_at_once(data_copy):
    cities = data_copy / "cities.csv"
    text = cities.read_text(encoding="utf-8").replace("121.47,31.23", "121.47,39.90").replace("Nantong,JS", ",JS")
    cities.write_text(text, encoding="utf-8")
    with pytest.raises(DataPackageError) as caught:
        validate(data_copy, data_copy.parent / "references.bib")
    assert len(caught.value.problems) == 2


def test_cli_reports_failure(data_copy, capsys, monkeypatch):
    (data_copy / "eras.csv").write_text("")
    monkeypatch.setenv("YRD_BIB", str(data_copy.parent / "references.bib"))
    assert main([str(data_copy)]) == 1
    assert "data/eras.csv: file is empty" in capsys.readouterr().err


def test_schema_declares_keys_and_provenance():
    descriptor = json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    for resource in file_resources(descriptor):  # not tables: they say where they come from
        assert resource["sources"] and resource["licenses"] and resource["derivation"], resource["name"]
    for resource in table_resources(descriptor):
        names = [field["name"] for field in resource["schema"]["fields"]]
        assert resource["schema"]["primaryKey"], resource["name"]
        # Facts carry the paper section and bib key; reference tables say where they come from.
        cites_section = "section" in names or "section_id" in names  # paper_sections lists the sections
        # The ledger and the quotes are about the paper itself: a section is their provenance.
        about_the_paper = resource["name"] in ("claims", "quotes") and cites_section
        assert ("source" in names and cites_section) or "source_note" in names or about_the_paper, resource["name"]


def test_a_file_the_package_does_not_describe_stops_validation(data_copy):
    (data_copy / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataPackageError, match=r"data/notes\.csv: is not described in datapackage\.json"):
        validate(data_copy, data_copy.parent / "references.bib")


def test_a_repeated_bibtex_key_is_named(data_copy):
    bib = data_copy.parent / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{ref01,\n  title = {again}\n}\n", encoding="utf-8")
    with pytest.raises(DataPackageError, match=r"references\.bib: .*ref01.*every entry needs a key of its own"):
        validate(data_copy, bib)


def test_a_malformed_bibtex_key_is_named(data_copy):
    bib = data_copy.parent / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{1st-entry,\n  title = {t}\n}\n", encoding="utf-8")
    with pytest.raises(DataPackageError, match=r"references\.bib: key '1st-entry' is malformed"):
        validate(data_copy, bib)


def test_causes_come_before_their_follow_ons(data_copy):
    cities = data_copy / "cities.csv"
    cities.write_text(cities.read_text(encoding="utf-8").replace("\nhefei,", "\nhefeii,"), encoding="utf-8")
    cities.write_text(cities.read_text(encoding="utf-8").replace("121.47,31.23", "121.47,39.90"), encoding="utf-8")
    with pytest.raises(DataPackageError) as caught:
        validate(data_copy, data_copy.parent / "references.bib")
    lines = str(caught.value).splitlines()
    follow = lines.index("  Follow-on problems (they may go once the problems above are fixed):")
    assert "field 'lat'" in lines[1] and all("refers to" not in line for line in lines[1:follow])
    assert all("refers to 'hefei', which is not a city_id of cities.csv" in line for line in lines[follow + 1:-1])
