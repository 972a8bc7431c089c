//! Classification codes (支出功能分类, 支出经济分类) and glossary definitions, by year.
//!
//! The data lives in `assets/catalog/*.tsv`, embedded in the binary and parsed once. A
//! [`Catalog`] is the view of one year: names change between editions (卫生健康支出 was
//! 医疗卫生与计划生育支出), so every look-up goes through the project's year. A project may carry
//! the 科目表 its local 财政 hands out ([`import`]); [`Catalog::for_project`] lays it over the
//! built-in one.

pub mod import;
mod search;

use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use search::SearchHit;

const FUNCTIONAL_TSV: &str = include_str!("../../assets/catalog/functional.tsv");
const ECONOMIC_TSV: &str = include_str!("../../assets/catalog/economic.tsv");
const GLOSSARY_TSV: &str = include_str!("../../assets/catalog/glossary.tsv");

/// One code of a classification, as in force in one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The code: 3, 5 or 7 digits (functional) or 3 or 5 digits (economic).
    pub code: String,
    /// The name in that year's edition.
    pub name: String,
    /// The standard definition (科目说明), empty where none is recorded.
    pub definition: String,
    /// 拼音 initials of the name, lower case (住房公积金 → `zfgjj`), for the picker.
    pub initials: String,
}

/// A row of a data file: an entry and the years it is vouched for.
#[derive(Clone, Debug)]
struct Row {
    entry: Entry,
    first_year: i32,
    last_year: Option<i32>,
}

impl Row {
    fn in_force(&self, year: i32) -> bool {
        self.first_year <= year && self.last_year.is_none_or(|last| year <= last)
    }
}

/// A problem in a catalog data file: the file, the line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} 第 {} 行：{}", self.file, self.line, self.message)
    }
}

fn parse_rows(file: &'static str, text: &str) -> Result<Vec<Row>, DataError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let error = |message: String| DataError {
            file,
            line: i + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [code, name, first, last, rest @ ..] = cols.as_slice() else {
            return Err(error(
                "应至少有 4 列：编码、名称、起始年度、终止年度".into(),
            ));
        };
        if !code.chars().all(|c| c.is_ascii_digit()) || ![3, 5, 7].contains(&code.len()) {
            return Err(error(format!("编码“{code}”应为 3、5 或 7 位数字")));
        }
        let first_year = first
            .parse()
            .map_err(|_| error(format!("起始年度“{first}”不是年份")))?;
        let last_year = match *last {
            "" => None,
            y => Some(
                y.parse()
                    .map_err(|_| error(format!("终止年度“{y}”不是年份")))?,
            ),
        };
        rows.push(Row {
            entry: Entry {
                code: (*code).to_owned(),
                name: (*name).to_owned(),
                definition: rest.first().copied().unwrap_or_default().to_owned(),
                initials: search::initials(name),
            },
            first_year,
            last_year,
        });
    }
    Ok(rows)
}

struct Data {
    functional: Vec<Row>,
    economic: Vec<Row>,
    glossary: Vec<(String, String)>,
}

fn parse_data() -> Result<Data, DataError> {
    let glossary = GLOSSARY_TSV
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            l.split_once('\t')
                .map(|(t, d)| (t.to_owned(), d.to_owned()))
                .ok_or(DataError {
                    file: "glossary.tsv",
                    line: i + 1,
                    message: "应有 2 列：名词、解释".into(),
                })
        })
        .collect::<Result<_, _>>()?;
    Ok(Data {
        functional: parse_rows("functional.tsv", FUNCTIONAL_TSV)?,
        economic: parse_rows("economic.tsv", ECONOMIC_TSV)?,
        glossary,
    })
}

fn data() -> &'static Result<Data, DataError> {
    static DATA: OnceLock<Result<Data, DataError>> = OnceLock::new();
    DATA.get_or_init(parse_data)
}

/// The names of a functional 项 at its three levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassPath<'a> {
    /// 类.
    pub class: &'a Entry,
    /// 款.
    pub section: &'a Entry,
    /// 项.
    pub item: &'a Entry,
}

/// The catalog as in force in one year.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    year: i32,
    functional: BTreeMap<String, Entry>,
    economic: BTreeMap<String, Entry>,
    glossary: Vec<(String, String)>,
    /// The imported 科目表 laid over the built-in one, by the name it was imported from.
    edition: Option<String>,
}

impl Catalog {
    /// The catalog a project uses: the built-in one of its year, with the 科目表 imported into
    /// the project laid over it (its names win, its codes add).
    pub fn for_project(project: &crate::model::Project) -> Result<Catalog, DataError> {
        let mut catalog = Catalog::builtin(project.unit.year)?;
        if let Some(edition) = &project.catalog {
            catalog.lay_over(edition);
        }
        Ok(catalog)
    }

    fn lay_over(&mut self, edition: &crate::model::CatalogEdition) {
        use crate::model::Classification;
        for of in [Classification::Functional, Classification::Economic] {
            let entries = match of {
                Classification::Functional => &mut self.functional,
                Classification::Economic => &mut self.economic,
            };
            for (code, name) in edition.codes(of) {
                let entry = entries.entry(code.clone()).or_insert_with(|| Entry {
                    code: code.clone(),
                    name: String::new(),
                    definition: String::new(),
                    initials: String::new(),
                });
                if entry.name != *name {
                    entry.name.clone_from(name);
                    entry.initials = search::initials(name);
                }
            }
        }
        self.edition = Some(edition.source.clone());
    }

    /// The name of the 科目表 imported into the project, if one is laid over the built-in one.
    pub fn edition(&self) -> Option<&str> {
        self.edition.as_deref()
    }

    /// The catalog as a clerk would name it: "2023 年内置科目表", or the imported table's name
    /// with the built-in one it completes.
    pub fn describe(&self) -> String {
        match &self.edition {
            Some(source) => format!("导入的科目表“{source}”（及 {} 年内置科目表）", self.year),
            None => format!("{} 年内置科目表", self.year),
        }
    }
    /// The built-in catalog for `year`. An error means a broken data file (a test guards it).
    pub fn builtin(year: i32) -> Result<Catalog, DataError> {
        let data = data().as_ref().map_err(Clone::clone)?;
        Ok(Catalog::from_data(data, year))
    }

    fn from_data(data: &Data, year: i32) -> Catalog {
        let pick = |rows: &[Row]| {
            rows.iter()
                .filter(|r| r.in_force(year))
                .map(|r| (r.entry.code.clone(), r.entry.clone()))
                .collect()
        };
        Catalog {
            year,
            functional: pick(&data.functional),
            economic: pick(&data.economic),
            glossary: data.glossary.clone(),
            edition: None,
        }
    }

    /// The built-in catalog for `year`, parsed from the embedded data files afresh rather than from
    /// the cache [`Catalog::builtin`] keeps: what start-up costs, for the benchmark.
    pub fn parse_builtin(year: i32) -> Result<Catalog, DataError> {
        let data = parse_data()?;
        Ok(Catalog::from_data(&data, year))
    }

    /// The year this catalog is for.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// A functional-classification entry (类, 款 or 项) by code.
    pub fn functional(&self, code: &str) -> Option<&Entry> {
        self.functional.get(code)
    }

    /// All functional entries in code order.
    pub fn functional_entries(&self) -> impl Iterator<Item = &Entry> {
        self.functional.values()
    }

    /// An economic-classification entry by code.
    pub fn economic(&self, code: &str) -> Option<&Entry> {
        self.economic.get(code)
    }

    /// All economic entries in code order.
    pub fn economic_entries(&self) -> impl Iterator<Item = &Entry> {
        self.economic.values()
    }

    /// The 类/款/项 of a 7-digit code, when the catalog knows all three.
    pub fn class_path(&self, code: &str) -> Option<ClassPath<'_>> {
        if code.len() != 7 {
            return None;
        }
        Some(ClassPath {
            class: self.functional(code.get(..3)?)?,
            section: self.functional(code.get(..5)?)?,
            item: self.functional(code)?,
        })
    }

    /// The standard definition of a glossary term (名词), if the catalog has one.
    pub fn term(&self, term: &str) -> Option<&str> {
        self.glossary
            .iter()
            .find(|(t, _)| t == term)
            .map(|(_, d)| d.as_str())
    }

    /// The glossary terms in their standard order.
    pub fn terms(&self) -> impl Iterator<Item = (&str, &str)> {
        self.glossary.iter().map(|(t, d)| (t.as_str(), d.as_str()))
    }
}

/// The codes of a project's lines that `catalog` does not know, with the names the clerk gave
/// them (all three filled): what the application remembers for the next project.
pub fn named_unknown_codes(
    project: &crate::model::Project,
    catalog: &Catalog,
) -> BTreeMap<String, crate::model::ClassNames> {
    project
        .expenditure
        .lines
        .iter()
        .filter(|l| l.code.len() == 7 && catalog.class_path(&l.code).is_none())
        .filter_map(|l| {
            let names = l.names.as_ref()?;
            let filled = [&names.class, &names.section, &names.item]
                .iter()
                .all(|n| !n.trim().is_empty());
            filled.then(|| (l.code.clone(), names.clone()))
        })
        .collect()
}

/// The 项 name of a row of 表2: the catalog's, else the row's own, else that of an expenditure
/// line of the same code; `None` when nobody names the code.
pub fn revenue_item_name(
    catalog: Option<&Catalog>,
    expenditure: &[crate::model::FunctionalLine],
    line: &crate::model::RevenueLine,
) -> Option<String> {
    if let Some(path) = catalog.and_then(|c| c.class_path(&line.code)) {
        return Some(path.item.name.clone());
    }
    line.names
        .as_ref()
        .or_else(|| {
            expenditure
                .iter()
                .filter(|l| l.code == line.code)
                .find_map(|l| l.names.as_ref())
        })
        .map(|n| n.item.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        assert!(data().is_ok(), "{:?}", data().as_ref().err());
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let err = parse_rows("t.tsv", "# c\n201\tx\t2019\t\n20\ty\t2019\t\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("3、5 或 7 位"));
        let err = parse_rows("t.tsv", "201\tx\t二〇一九\t\n").unwrap_err();
        assert!(err.to_string().contains("t.tsv 第 1 行"));
    }

    #[test]
    fn names_follow_the_year() {
        let c2018 = Catalog::builtin(2018).unwrap();
        let c2023 = Catalog::builtin(2023).unwrap();
        assert_eq!(
            c2018.functional("210").unwrap().name,
            "医疗卫生与计划生育支出"
        );
        assert_eq!(c2023.functional("210").unwrap().name, "卫生健康支出");
        assert_eq!(
            c2023.functional("20805").unwrap().name,
            "行政事业单位养老支出"
        );
    }

    #[test]
    fn the_2017_edition_has_the_pre_2019_names_and_the_pre_reform_economic_items() {
        let c2017 = Catalog::builtin(2017).unwrap();
        let c2018 = Catalog::builtin(2018).unwrap();
        for (code, name) in [
            ("207", "文化体育与传媒支出"),
            ("210", "医疗卫生与计划生育支出"),
            ("20805", "行政事业单位离退休"),
        ] {
            assert_eq!(c2017.functional(code).unwrap().name, name);
        }
        assert!(c2017.class_path("2080505").is_some());
        assert_eq!(c2017.economic("30307").unwrap().name, "医疗费");
        assert_eq!(c2018.economic("30307").unwrap().name, "医疗费补助");
        assert_eq!(c2017.economic("310").unwrap().name, "其他资本性支出");
        assert_eq!(c2018.economic("310").unwrap().name, "资本性支出");
        assert!(
            c2017.economic("30113").is_none(),
            "住房公积金 was 30311 before the reform"
        );
        assert_eq!(c2017.economic("30311").unwrap().name, "住房公积金");
        assert_eq!(c2017.economic("30217").unwrap().name, "公务接待费");
    }
}
