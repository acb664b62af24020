"""Attribution limits: measures of one side alone name no counterpart."""

from __future__ import annotations

from typing import Any

from bilat.extract.pipeline import extract_text


def _row(text: str, figure: str, published: str | None = None) -> dict[str, Any]:
    rows = [r for r in extract_text(text, published=published) if r["text"] == figure]
    assert rows, f"{figure!r} not extracted from {text!r}"
    return rows[0]


def test_a_population_has_no_counterpart() -> None:
    text = (
        "Half a million Georgians work in Turkey, a country far larger than "
        "Georgia's 3.7 million people."
    )
    row = _row(text, "3.7 million people")
    assert (row["indicator"], row["subject"], row["object"]) == ("population", "GEO", None)


def test_gdp_growth_is_about_one_economy() -> None:
    text = "Helped by exports to China, Mongolia's GDP growth reached 7 percent in 2023."
    row = _row(text, "7 percent")
    assert (row["indicator"], row["subject"], row["object"]) == ("gdp_growth", "MNG", None)


def test_a_section_heading_names_the_side_its_paragraphs_leave_out() -> None:
    text = (
        "Turkey and its neighbours\n\nTurkey trades with everyone around it.\n\n"
        "Turkey and Georgia: Open Borders\n\n"
        "Work drew many abroad. Some 200,000 migrant workers were in Turkey in 2022."
    )
    row = _row(text, "200,000 migrant workers")
    assert (row["indicator"], row["subject"], row["object"]) == ("migrants", "GEO", "TUR")


def test_the_title_is_not_a_section_heading() -> None:
    text = (
        "Georgia's ties with Turkey\n\nGeorgia looks west.\n\n"
        "The EU released €5 million in aid to Georgia in 2021."
    )
    row = _row(text, "€5 million")
    assert (row["subject"], row["object"]) == ("GEO", "EU")


def test_a_list_figure_ends_where_the_next_item_begins_with_and() -> None:
    text = (
        "Imports come mostly from two partners: in Chile 30 percent (China) to 12 percent "
        "(United States) and in Peru 28 percent (China) to 16 percent (United States)."
    )
    row = _row(text, "12 percent")
    assert (row["subject"], row["object"]) == ("CHL", "USA")


def test_an_aside_in_brackets_gives_neither_side_nor_time() -> None:
    text = (
        "Investment in power plants is stalling (two dams in Georgia were shelved in 2019), "
        "unlike the $4 billion that Turkey has poured into Azerbaijan's gas fields."
    )
    row = _row(text, "$4 billion")
    assert (row["subject"], row["time"]) == ("AZE", None)


def test_a_note_in_brackets_after_a_figure_still_dates_it() -> None:
    text = "In Peru the ratio is 28 percent (China) to 16 percent (United States, both for 2021)."
    row = _row(text, "16 percent")
    assert (row["object"], row["time"]) == ("USA", "2021")


def test_the_creditor_is_the_one_owed() -> None:
    text = "Serbia had a $400 million write-off, 60 % of the sum it owes Russia."
    row = _row(text, "60 %")
    assert (row["subject"], row["object"]) == ("SRB", "RUS")


def test_a_word_that_names_a_role_beats_a_nearer_bare_name() -> None:
    text = "China also backs Laos with loans – $500 million to Cambodia in 2019."
    row = _row(text, "$500 million")
    assert (row["subject"], row["object"]) == ("KHM", "CHN")


def test_a_later_main_clause_keeps_its_time() -> None:
    text = (
        "Ethnic Uzbeks make up about 14 percent of Kyrgyzstan's population, and some 9,000 "
        "Kyrgyz students were enrolled in Turkey in 2022."
    )
    assert _row(text, "14 percent")["time"] is None
    assert _row(text, "9,000 Kyrgyz students")["time"] == "2022"


def test_a_time_after_a_later_figure_is_that_figures() -> None:
    text = (
        "China holds 40 percent of Laos's external debt and bought 30 percent of its "
        "exports in 2020."
    )
    assert _row(text, "40 percent")["time"] is None
    assert _row(text, "30 percent")["time"] == "2020"


def test_a_time_said_to_hold_for_all_figures_dates_each() -> None:
    text = "In Peru 28 percent (China) to 16 percent (United States), all figures for 2021."
    assert _row(text, "28 percent")["time"] == "2021"


def test_an_institution_of_a_country_acts_for_it() -> None:
    text = (
        "Laos leans on its northern neighbour. The Export-Import Bank of China lent "
        "$1.2 billion for the railway in 2016."
    )
    row = _row(text, "$1.2 billion")
    assert (row["subject"], row["object"]) == ("LAO", "CHN")


def test_a_state_company_acts_for_its_state() -> None:
    text = "Armenia buys almost all its gas abroad; Gazprom delivered 2.4 bcm to it in 2021."
    row = _row(text, "2.4 bcm")
    assert row["indicator"] == "gas_exports"
    assert {row["subject"], row["object"]} == {"RUS", "ARM"}


def test_the_members_of_a_bloc_act_for_it() -> None:
    text = (
        "Together, the member states of the EU accounted for 41 percent of Moldova's trade in 2020."
    )
    row = _row(text, "41 percent")
    assert (row["subject"], row["object"]) == ("MDA", "EU")


def test_a_sentence_opening_with_a_connective_keeps_the_time_before() -> None:
    text = (
        "Trade between Chile and China reached $60 billion in 2022. Yet the balance is "
        "lopsided: Chile sold China $38 billion of copper and fruit."
    )
    assert _row(text, "$38 billion")["time"] == "2022"


def test_a_new_sentence_without_a_connective_sets_no_time() -> None:
    text = (
        "Trade between Chile and China reached $60 billion in 2022. Chile and Peru share "
        "a 171 km border."
    )
    assert _row(text, "171 km")["time"] is None


def test_a_possessive_owns_the_head_of_its_compound() -> None:
    text = "France supplied about 60 percent of Egypt's major arms imports between 2015 and 2019."
    row = _row(text, "60 percent")
    assert (row["indicator"], row["subject"], row["object"]) == ("arms_import_share", "EGY", "FRA")


def test_a_promise_gives_to_its_first_object() -> None:
    text = "In 2021 Japan promised Indonesia $2 billion in loans for a new railway."
    row = _row(text, "$2 billion")
    assert (row["subject"], row["object"]) == ("IDN", "JPN")


def test_a_negated_demonym_names_no_one() -> None:
    text = "Serbia plans to buy 30 percent of its weapons from non-Russian suppliers."
    assert _row(text, "30 percent")["object"] != "RUS"


def test_debt_as_a_share_of_gdp_has_no_creditor() -> None:
    text = "Laos's external debt stood at about 90 percent of GDP in 2023."
    assert _row(text, "90 percent")["indicator"] != "external_debt_share"


def test_a_carried_time_reaches_two_sentences_back_at_most() -> None:
    text = (
        "Imports from China reached $5 billion in 2020. Yet the mix changed. Its share rose "
        "to 30 percent. They also bought 12 aircraft. They also sold 4 ships."
    )
    assert _row(text, "30 percent")["time"] == "2020"
    assert _row(text, "12 aircraft")["time"] is None


def test_figures_listed_bare_share_what_follows_the_list() -> None:
    text = (
        "Despite close ties with Russia, polls found 60 %, 55 % and 40 % support for NATO "
        "membership in Georgia, Moldova and Armenia respectively."
    )
    row = _row(text, "55 %")
    assert (row["subject"], row["object"]) == ("MDA", "NATO")


def test_a_list_of_every_member_of_a_region_names_the_region() -> None:
    text = (
        "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan received "
        "$2 billion in aid from the EU in 2020."
    )
    row = _row(text, "$2 billion")
    assert (row["subject"], row["object"]) == ("C5", "EU")


def test_the_whole_a_share_is_taken_of_has_no_counterpart() -> None:
    text = "Japan holds 30% of Laos's roughly $10 billion in external debt."
    share, whole = _row(text, "30%"), _row(text, "$10 billion")
    assert (share["subject"], share["object"]) == ("LAO", "JPN")
    assert (whole["subject"], whole["object"]) == ("LAO", None)


def test_the_government_is_not_the_country_of_a_bank_named_before() -> None:
    text = (
        "The Export-Import Bank of China lent Laos money for years. The government now "
        "plans to spend $300 million on roads."
    )
    assert _row(text, "$300 million")["subject"] == "LAO"


def test_gas_goes_to_its_buyer_not_the_country_it_crosses() -> None:
    text = "A new pipeline would carry 30 bcm of Iranian gas a year across Turkey to Greece."
    row = _row(text, "30 bcm")
    assert (row["subject"], row["object"]) == ("IRN", "GRC")


def test_an_opening_it_is_the_country_that_opened_the_sentence_before() -> None:
    text = (
        "“Turkey is a key partner for the region. It also hosts about 50,000 Georgian "
        "migrants who support the economies of Georgia and Armenia,” said an official."
    )
    row = _row(text, "50,000 Georgian migrants")
    assert (row["subject"], row["object"]) == ("GEO", "TUR")


def test_a_host_is_the_side_of_the_troops_it_hosts() -> None:
    text = "Serbia hosts about 300 Russian troops at a humanitarian centre in Nis."
    row = _row(text, "300 Russian troops")
    assert (row["subject"], row["object"]) == ("SRB", "RUS")


def test_a_demonym_naming_a_place_is_no_actor() -> None:
    text = "Laos will spend $300 million on roads toward the Chinese border in 2025."
    row = _row(text, "$300 million")
    assert (row["subject"], row["object"]) == ("LAO", None)


def test_a_banks_registered_capital_is_no_investment() -> None:
    text = (
        "Brazil became a member in 2016; it owns $3 billion of the fund's registered "
        "capital of $50 billion."
    )
    assert _row(text, "$50 billion")["indicator"] == "other"


def test_two_countries_pair_with_two_figures_listed_after_them() -> None:
    text = (
        "In 2019 remittances to Russia grew. Simultaneously, new migration from Georgia and "
        "Armenia has fallen by 12 % and 9 %."
    )
    first, second = _row(text, "12 %"), _row(text, "9 %")
    assert (first["subject"], second["subject"]) == ("GEO", "ARM")
    assert first["object"] != "ARM" and second["object"] != "GEO"
    assert first["time"] == second["time"] == "2019"


def test_an_actor_before_the_figures_comma_belongs_to_the_sentence() -> None:
    text = (
        "Such warmth shows in backing for closer integration with Russia, with one poll "
        "showing 70 %, 60 % and 50 % public support for CSTO membership in Armenia, Belarus "
        "and Kazakhstan respectively."
    )
    row = _row(text, "70 %")
    assert (row["subject"], row["object"]) == ("ARM", "CSTO")


def test_no_one_of_a_long_list_of_countries_is_the_side() -> None:
    text = "Trade with Germany, Italy and France rose by 5 percent in 2022."
    row = _row(text, "5 percent")
    assert row["subject"] is None and row["object"] is None


def test_a_part_and_its_whole_share_what_follows_them() -> None:
    text = "At any time, over 1 million of Armenia's 2.9 million people live and work in Russia."
    row = _row(text, "1 million")
    assert (row["indicator"], row["subject"], row["object"]) == ("migrants", "ARM", "RUS")


def test_a_later_main_clause_does_not_choose_the_indicator() -> None:
    text = "The bridge alone cost $2 billion, and a Japanese bank lent 80 percent of that sum."
    assert _row(text, "$2 billion")["indicator"] == "other"


def test_a_lender_is_the_counterpart_of_the_share_it_lent() -> None:
    text = "Laos built the line, and the Export-Import Bank of China lent 70 percent of its cost."
    row = _row(text, "70 percent")
    assert (row["subject"], row["object"]) == ("LAO", "CHN")


def test_a_change_is_not_dated_by_the_year_it_is_compared_with() -> None:
    text = "Remittances to Nepal hit $11 billion in 2023, up 9 percent on 2022."
    assert _row(text, "9 percent")["time"] == "2023"


def test_a_headline_names_the_topic_first() -> None:
    text = (
        "Peru's balancing act between Beijing and Washington\n\n"
        "Peru owes China more than it owes anyone. Chinese banks and Chinese firms lead, "
        "and China keeps buying.\n\n"
        "Security ties point north. The United States keeps about 200 military personnel at "
        "a base on the coast."
    )
    row = _row(text, "200 military personnel")
    assert (row["subject"], row["object"]) == ("PER", "USA")


def test_a_semicolon_ends_the_statement_before_it() -> None:
    text = (
        "The United States keeps 200 troops in Niger, and French troops train there under a "
        "deal signed in 2019; some 900 French soldiers rotate through each year."
    )
    row = _row(text, "900 French soldiers")
    assert (row["object"], row["time"]) == ("FRA", None)


def test_a_semicolon_between_listed_figures_is_no_boundary() -> None:
    text = "In May 2022 the drill in Armenia involved 2,000 troops; 30 aircraft; and 90 tanks."
    assert _row(text, "90 tanks")["time"] == "2022-05"


def test_an_earlier_main_clause_with_its_own_verb_gives_no_counterpart() -> None:
    text = "Many Nepalis work in Qatar, and remittances to Nepal reached $11 billion in 2023."
    row = _row(text, "$11 billion")
    assert (row["subject"], row["object"]) == ("NPL", None)


def test_a_figure_of_the_same_kind_keeps_the_counterpart_before_it() -> None:
    text = "Chile bought $20 billion of goods from China and sold it only $9 billion."
    row = _row(text, "$9 billion")
    assert (row["subject"], row["object"]) == ("CHL", "CHN")


def test_a_figure_of_another_kind_does_not_borrow_the_counterpart_before_it() -> None:
    text = (
        "About 300,000 Nepalis work in Qatar, and remittances from all sources hit "
        "$11 billion in 2023."
    )
    assert _row(text, "$11 billion")["object"] is None


def test_a_partner_named_by_its_part_continues_the_measure_before() -> None:
    text = (
        "Remittances to Nepal hit $11 billion in 2023. Qatar remained the largest single "
        "source, sending $3 billion."
    )
    row = _row(text, "$3 billion")
    assert (row["indicator"], row["subject"], row["object"]) == ("remittances", "NPL", "QAT")


def test_a_figure_naming_no_measure_borrows_no_partner_from_around_it() -> None:
    text = (
        "Japan and Mongolia talk often. Mongolia will spend 1.2 trillion tugriks on roads in "
        "2025, or about $400 million."
    )
    row = _row(text, "1.2 trillion tugriks")
    assert (row["subject"], row["object"]) == ("MNG", None)


def test_scholarship_holders_are_counted_apart_from_all_students() -> None:
    text = (
        "Some 40,000 Mongolian students study in China, including 9,000 of whom hold "
        "Chinese government scholarships."
    )
    assert _row(text, "40,000 Mongolian students")["indicator"] == "students"
    assert _row(text, "9,000")["indicator"] == "scholarship_students"


def test_peacekeepers_are_troops_stationed() -> None:
    text = "Russia keeps about 1,500 peacekeepers in Armenia."
    row = _row(text, "1,500 peacekeepers")
    assert (row["indicator"], row["subject"], row["object"]) == ("troops_stationed", "ARM", "RUS")


def test_transfers_home_are_remittances() -> None:
    text = "Tajik workers in Russia saw their transfers home reach $3 billion in 2022."
    assert _row(text, "$3 billion")["indicator"] == "remittances"


def test_another_figure_continues_the_measure_before() -> None:
    text = "Qatar exported 20 bcm of gas to China in 2023. Japan took another 8 bcm."
    row = _row(text, "8 bcm")
    assert (row["indicator"], row["object"]) == ("gas_exports", "JPN")


def test_a_lead_in_gives_its_list_items_their_sides_and_time() -> None:
    text = (
        "Notes on Laos\n\nJapanese engagement in Laos in 2022 included:\n\n"
        "  • about $400 million of direct investment;\n"
        "  • 9 loan agreements signed by state banks."
    )
    row = _row(text, "$400 million")
    assert (row["subject"], row["object"], row["time"]) == ("LAO", "JPN", "2022")
    assert _row(text, "9 loan agreements")["time"] == "2022"


def test_a_lead_in_goal_year_dates_no_item() -> None:
    text = "Laos's aims for 2030:\n\n1. cut the share of debt owed to China below 20%;"
    assert _row(text, "20%", published="2024-01-01")["time"] is None


def test_a_demonym_before_a_plural_holder_noun_is_the_counterpart() -> None:
    text = (
        "The minister listed the following Japanese contributions to Laos:\n\n"
        "  • $90 million in debt relief."
    )
    row = _row(text, "$90 million")
    assert (row["subject"], row["object"]) == ("LAO", "JPN")


def test_a_country_a_pipeline_crosses_is_neither_side() -> None:
    text = (
        "Notes on Armenia\n\nArmenia buys its gas abroad: Russia agreed in 2023 to deliver "
        "up to 2 bcm a year through a pipeline that crosses Georgia."
    )
    row = _row(text, "2 bcm")
    assert (row["subject"], row["object"]) == ("RUS", "ARM")


def test_the_source_of_a_figure_is_not_its_side() -> None:
    text = (
        "Some 300,000 Nepalis live in Malaysia, by Kuala Lumpur's count, and their transfers "
        "home came to $1 billion in 2022."
    )
    row = _row(text, "$1 billion")
    assert (row["indicator"], row["subject"]) == ("remittances", "NPL")


def test_either_side_of_a_symmetric_measure_may_come_from_context() -> None:
    text = (
        "Notes on Chile\n\nChile trades widely.\n\nTrade with Peru is the densest. Bilateral "
        "trade reached $4bn last year."
    )
    row = _row(text, "$4bn", published="2024-03-01")
    assert {row["subject"], row["object"]} == {"CHL", "PER"}


def test_a_year_compared_with_dates_no_figure() -> None:
    text = (
        "In 2023 Japanese firms registered $2 billion of projects, up 10 percent on the year "
        "before, and Korean firms another $1 billion."
    )
    assert _row(text, "$1 billion")["time"] == "2023"


def test_a_larger_share_continues_the_share_named_before() -> None:
    text = (
        "Notes on Moldova\n\nMoldova trades west.\n\nRomania bought 30 percent of Moldova's "
        "exports in 2023. The EU took a larger share, 60 percent."
    )
    row = _row(text, "60 percent")
    assert (row["indicator"], row["subject"], row["object"]) == ("export_share", "MDA", "EU")


def test_a_time_with_a_verb_of_its_own_dates_something_else() -> None:
    text = (
        "Russia keeps about 3,000 troops in Transnistria, a region that broke away from "
        "Moldova in 1992."
    )
    assert _row(text, "3,000 troops")["time"] is None


def test_the_two_armies_are_the_two_countries_of_their_own_clause_only() -> None:
    text = (
        "Notes on Armenia\n\nArmenia looks west.\n\nFrance keeps 40 military advisers in "
        "Armenia, and the two armies held 3 joint exercises in 2023."
    )
    advisers, drills = _row(text, "40 military advisers"), _row(text, "3 joint exercises")
    assert (advisers["subject"], advisers["object"]) == ("ARM", "FRA")
    assert (drills["subject"], drills["object"]) == ("ARM", "FRA")


def test_a_bare_share_goes_on_with_the_share_before() -> None:
    text = (
        "Notes on Egypt\n\nEgypt buys arms widely.\n\nRussia supplied 30 percent of Egypt's "
        "major arms imports between 2015 and 2019. France alone accounted for 35 percent."
    )
    row = _row(text, "35 percent")
    assert (row["indicator"], row["subject"], row["object"]) == ("arms_import_share", "EGY", "FRA")


def test_the_words_of_an_earlier_main_clause_do_not_name_the_measure() -> None:
    text = (
        "The two armies hold a joint exercise every year, and about 900 Egyptian officers "
        "have trained in France since 2010."
    )
    assert _row(text, "900 Egyptian officers")["indicator"] == "military_trained"


def test_the_object_of_an_earlier_verb_is_not_the_one_acting() -> None:
    text = "France chairs the NATO mission and keeps 900 troops in Estonia."
    row = _row(text, "900 troops")
    assert (row["subject"], row["object"]) == ("EST", "FRA")
    acting = _row("Last year the NATO alliance kept 900 troops in Estonia.", "900 troops")
    assert (acting["subject"], acting["object"]) == ("EST", "NATO")


def test_a_poll_of_a_people_about_a_partner() -> None:
    text = (
        "In a 2023 poll, 62% of Armenians said they trusted France. "
        "Only 31% said the same of Russia."
    )
    first, second = _row(text, "62%"), _row(text, "31%")
    assert (first["indicator"], first["subject"], first["object"]) == (
        "public_support", "ARM", "FRA"
    )  # fmt: skip
    assert (second["subject"], second["object"]) == ("ARM", "RUS")


def test_officers_trained_at_a_foreign_academy() -> None:
    text = "Cairo wants Egyptian officers trained abroad: 300 officers attended Russian academies."
    row = _row(text, "300 officers")
    assert (row["indicator"], row["subject"], row["object"]) == ("military_trained", "EGY", "RUS")


def test_a_figure_with_one_foreign_actor_is_about_the_reports_country() -> None:
    text = (
        "Moldova weighs its options\n\n"
        "Russia pulled its last border guards out in May 2023, two years ahead of the deadline."
    )
    row = _row(text, "two years")
    assert (row["subject"], row["object"]) == ("MDA", "RUS")
    alone = _row("Russia pulled its guards out in 2023, two years early.", "two years")
    assert (alone["subject"], alone["object"]) == ("RUS", None)  # no report country: no guess


def test_a_coast_guard_named_after_a_country_acts_for_it() -> None:
    text = "Greek coast guard boats entered Turkey's waters 12 times in March 2024."
    row = _row(text, "12 times")
    assert {row["subject"], row["object"]} == {"TUR", "GRC"}


def test_a_buyer_of_a_countrys_goods_imports_from_it() -> None:
    row = _row("Japan bought $12 billion of Australian coal in 2022.", "$12 billion")
    assert (row["indicator"], row["subject"], row["object"]) == ("imports", "JPN", "AUS")


def test_a_gapped_second_figure_keeps_the_measure_and_swaps_one_actor() -> None:
    text = "Germany bought 21% of all Polish exports in 2023 and France 6%."
    first, second = _row(text, "21%"), _row(text, "6%")
    assert (first["subject"], first["object"]) == ("POL", "DEU")
    assert (second["indicator"], second["subject"], second["object"], second["time"]) == (
        first["indicator"], "POL", "FRA", "2023"
    )  # fmt: skip


def test_a_section_named_by_a_demonym_keeps_the_reports_country_as_the_side() -> None:
    text = (
        "Chile sells copper to the world\n\n"
        "Exports grew in 2023.\n\n"
        "The Japanese market\n\n"
        "Japanese buyers took 40 buses in 2023."
    )
    row = _row(text, "40 buses")
    assert (row["subject"], row["object"]) == ("CHL", "JPN")


def test_an_it_in_a_later_clause_is_the_sentences_opener() -> None:
    text = (
        "Armenia and its ally\n\n"
        "Russia supplied 90 percent of Armenia's arms imports in 2020, and in 2021 it delivered "
        "four Su-30 jets."
    )
    row = _row(text, "four Su-30 jets")
    assert (row["subject"], row["object"]) == ("ARM", "RUS")


def test_a_list_of_peoples_with_some_not_countries_is_no_single_counterpart() -> None:
    text = (
        "Latvia's people\n\n"
        "In 2020 Latvians were 62% of the population and Russians 25%. The remaining 13% were "
        "Belarusians, Ukrainians, Roma, Livonians, Poles and Lithuanian-speaking families."
    )
    row = _row(text, "13%")
    assert (row["indicator"], row["subject"], row["object"]) == ("ethnic_share", "LVA", None)


def test_the_worth_of_goods_shipped_is_an_export() -> None:
    text = "Chile shipped 2 million tonnes of copper to Japan in 2022, worth about $9 billion."
    row = _row(text, "$9 billion")
    assert (row["indicator"], row["subject"], row["object"]) == ("exports", "CHL", "JPN")


def test_the_whole_an_amount_is_taken_of_has_no_counterpart() -> None:
    text = "Chinese state lenders held about $2 billion of Laos's $20 billion in external debt."
    row = _row(text, "$20 billion")
    assert (row["indicator"], row["subject"], row["object"]) == ("external_debt", "LAO", None)
