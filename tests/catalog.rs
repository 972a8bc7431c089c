//! The classification catalog: the seed's codes, the data's consistency, and the picker.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;

use juesuan::catalog::Catalog;
use juesuan::example::example;

#[test]
fn every_seed_code_resolves_to_the_names_the_document_needs() {
    let c = Catalog::builtin(2023).unwrap();
    let expected = [
        (
            "2013101",
            "一般公共服务支出",
            "党委办公厅（室）及相关机构事务",
            "行政运行",
        ),
        (
            "2013150",
            "一般公共服务支出",
            "党委办公厅（室）及相关机构事务",
            "事业运行",
        ),
        (
            "2013199",
            "一般公共服务支出",
            "党委办公厅（室）及相关机构事务",
            "其他党委办公厅（室）及相关机构事务支出",
        ),
        (
            "2080505",
            "社会保障和就业支出",
            "行政事业单位养老支出",
            "机关事业单位基本养老保险缴费支出",
        ),
        (
            "2101101",
            "卫生健康支出",
            "行政事业单位医疗",
            "行政单位医疗",
        ),
        (
            "2101102",
            "卫生健康支出",
            "行政事业单位医疗",
            "事业单位医疗",
        ),
        (
            "2101103",
            "卫生健康支出",
            "行政事业单位医疗",
            "公务员医疗补助",
        ),
        ("2210201", "住房保障支出", "住房改革支出", "住房公积金"),
    ];
    for (code, class, section, item) in expected {
        let path = c
            .class_path(code)
            .unwrap_or_else(|| panic!("{code} unknown"));
        assert_eq!(
            (
                path.class.name.as_str(),
                path.section.name.as_str(),
                path.item.name.as_str()
            ),
            (class, section, item),
            "{code}"
        );
    }
    // 20899's item code is not certain, so the catalog leaves it out and the example names it.
    assert_eq!(
        c.functional("20899").unwrap().name,
        "其他社会保障和就业支出"
    );
    for line in &example().unwrap().expenditure.lines {
        assert!(
            c.class_path(&line.code).is_some() || line.names.is_some(),
            "{} has neither catalog names nor the user's",
            line.code
        );
    }
}

#[test]
fn the_hierarchy_is_consistent_in_every_covered_year() {
    for year in 2017..=2026 {
        let c = Catalog::builtin(year).unwrap();
        for e in c.functional_entries() {
            assert!([3, 5, 7].contains(&e.code.len()), "{}", e.code);
            assert!(!e.name.is_empty(), "{} has no name", e.code);
            if e.code.len() >= 5 {
                assert!(
                    c.functional(&e.code[..3]).is_some(),
                    "{year}: {} lacks its 类",
                    e.code
                );
            }
            if e.code.len() == 7 {
                assert!(
                    c.functional(&e.code[..5]).is_some(),
                    "{year}: {} lacks its 款",
                    e.code
                );
            }
        }
        for e in c.economic_entries() {
            assert!([3, 5].contains(&e.code.len()), "{}", e.code);
            if e.code.len() == 5 {
                assert!(
                    c.economic(&e.code[..3]).is_some(),
                    "{year}: {} lacks its 类",
                    e.code
                );
            }
        }
    }
}

#[test]
fn no_code_is_entered_twice_for_the_same_year() {
    for (file, text) in [
        (
            "functional",
            include_str!("../assets/catalog/functional.tsv"),
        ),
        ("economic", include_str!("../assets/catalog/economic.tsv")),
    ] {
        for year in 2017..=2026 {
            let mut seen = BTreeSet::new();
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let cols: Vec<&str> = line.split('\t').collect();
                let first: i32 = cols[2].parse().unwrap();
                let last: Option<i32> = cols[3].parse().ok();
                if first <= year && last.is_none_or(|l| year <= l) {
                    assert!(seen.insert(cols[0]), "{file}: {} twice in {year}", cols[0]);
                }
            }
        }
    }
}

#[test]
fn every_class_of_the_year_is_there() {
    let c = Catalog::builtin(2023).unwrap();
    for code in [
        "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
        "215", "216", "217", "219", "220", "221", "222", "224", "227", "229",
    ] {
        assert!(c.functional(code).is_some(), "类 {code} missing");
    }
    assert_eq!(c.functional("207").unwrap().name, "文化旅游体育与传媒支出");
}

#[test]
fn economic_items_have_their_standard_names() {
    let c = Catalog::builtin(2023).unwrap();
    for (code, name) in [
        ("30101", "基本工资"),
        ("30212", "因公出国（境）费用"),
        ("30217", "公务接待费"),
        ("30231", "公务用车运行维护费"),
        ("31013", "公务用车购置"),
        ("30307", "医疗费补助"),
    ] {
        assert_eq!(c.economic(code).unwrap().name, name);
    }
}

#[test]
fn the_picker_finds_housing_fund_by_code_name_and_pinyin() {
    let c = Catalog::builtin(2023).unwrap();
    for query in ["221", "2210201", "住房公积", "zfgjj", "ZFG"] {
        let hits = c.search_functional(query, 10);
        assert!(
            hits.iter().any(|h| h.entry.code == "2210201"),
            "{query:?} did not find 2210201: {:?}",
            hits.iter().map(|h| h.label()).collect::<Vec<_>>()
        );
    }
    let hit = &c.search_functional("住房公积", 1)[0];
    assert_eq!(
        hit.label(),
        "2210201 住房公积金（住房保障支出 / 住房改革支出）"
    );
}

#[test]
fn the_economic_picker_finds_by_code_name_and_pinyin_within_its_classes() {
    let c = Catalog::builtin(2023).unwrap();
    let codes = |query: &str, classes: &[&str]| -> Vec<String> {
        c.search_economic(query, classes)
            .into_iter()
            .map(|e| e.code.clone())
            .collect()
    };
    // 项目支出's picker offers 302, 303, 310…; 公务接待费 by code, name or initials.
    let project = ["302", "303", "310", "312", "399"];
    for query in ["30217", "公务接待", "gwjdf", "GWJD"] {
        assert_eq!(codes(query, &project), ["30217"], "{query:?}");
    }
    // A match outside the classes is not offered: 30101 基本工资 is 人员经费's.
    assert!(codes("基本工资", &project).is_empty());
    assert_eq!(codes("基本工资", &[]), ["30101"]);
    // Only 款: the 类 302 商品和服务支出 itself is never a choice.
    assert!(codes("302", &[]).iter().all(|c| c.len() == 5));
    // A blank query lists every 款 of the classes in code order, as the picker opens.
    let all = codes("  ", &["302"]);
    assert!(
        all.len() > 20 && all.windows(2).all(|w| w[0] < w[1]),
        "{all:?}"
    );
    assert!(all.iter().all(|c| c.starts_with("302")));
}

#[test]
fn the_picker_puts_items_first_and_limits_results() {
    let c = Catalog::builtin(2023).unwrap();
    let hits = c.search_functional("行政运行", 5);
    assert_eq!(hits.len(), 5);
    assert!(hits.iter().all(|h| h.entry.code.len() == 7));
    assert!(c.search_functional("", 5).is_empty());
    assert!(c.search_functional("不存在的科目", 5).is_empty());
}

#[test]
fn glossary_has_the_standard_terms() {
    let c = Catalog::builtin(2023).unwrap();
    assert_eq!(
        c.term("基本支出").unwrap(),
        "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"
    );
    assert!(c.term("“三公”经费").unwrap().contains("公务接待费"));
}
