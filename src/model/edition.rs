//! The 科目表 a project uses when the built-in catalog is not enough: the one the local 财政
//! hands out for the year, imported into the project so the file opens the same everywhere.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::limits;

/// The two classifications a 科目表 holds codes of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Classification {
    /// 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7); codes begin with 2.
    Functional,
    /// 部门预算支出经济分类科目: 类 (3 digits), 款 (5); codes begin with 3.
    Economic,
}

impl Classification {
    /// Its name as 财政 documents write it.
    pub fn label(self) -> &'static str {
        match self {
            Classification::Functional => "支出功能分类",
            Classification::Economic => "支出经济分类",
        }
    }

    /// The classification of a code, or why it is not a code of either.
    pub fn of_code(code: &str) -> Result<Classification, String> {
        if code.is_empty() {
            return Err("缺少科目编码".to_owned());
        }
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(format!("科目编码“{code}”应只含数字"));
        }
        match (code.as_bytes()[0], code.len()) {
            (b'2', 3 | 5 | 7) => Ok(Classification::Functional),
            (b'2', _) => Err(format!("功能分类科目编码“{code}”应为 3、5 或 7 位")),
            (b'3', 3 | 5) => Ok(Classification::Economic),
            (b'3', _) => Err(format!("经济分类科目编码“{code}”应为 3 或 5 位")),
            _ => Err(format!(
                "“{code}”不是支出功能分类（2 开头）或部门预算支出经济分类（3 开头）的科目编码"
            )),
        }
    }
}

/// A 科目表 imported into the project. Its names replace the built-in catalog's for the same
/// codes, and its codes add to it: an office's table may list only the codes it uses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEdition {
    /// What it was imported from: the file's name, as the clerk knows it.
    pub source: String,
    /// 支出功能分类科目: code → name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub functional: BTreeMap<String, String>,
    /// 部门预算支出经济分类科目: code → name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub economic: BTreeMap<String, String>,
}

impl CatalogEdition {
    /// The codes of one classification.
    pub fn codes(&self, of: Classification) -> &BTreeMap<String, String> {
        match of {
            Classification::Functional => &self.functional,
            Classification::Economic => &self.economic,
        }
    }

    /// The codes of one classification, to change.
    pub fn codes_mut(&mut self, of: Classification) -> &mut BTreeMap<String, String> {
        match of {
            Classification::Functional => &mut self.functional,
            Classification::Economic => &mut self.economic,
        }
    }

    /// How many codes it holds.
    pub fn len(&self) -> usize {
        self.functional.len() + self.economic.len()
    }

    /// Whether it holds no code.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first thing wrong with it, as a file could have it: a code of the wrong
    /// classification or form, an empty or over-long name, too many codes.
    pub fn validate(&self) -> Result<(), String> {
        if self.len() > limits::CATALOG_CODES {
            return Err(format!(
                "导入的科目表有 {} 个科目，最多 {} 个",
                self.len(),
                limits::CATALOG_CODES
            ));
        }
        for of in [Classification::Functional, Classification::Economic] {
            for (code, name) in self.codes(of) {
                match Classification::of_code(code) {
                    Ok(c) if c == of => {}
                    Ok(c) => {
                        return Err(format!(
                            "导入的{}科目表中有{}科目“{code}”",
                            of.label(),
                            c.label()
                        ));
                    }
                    Err(e) => return Err(format!("导入的科目表：{e}")),
                }
                if name.trim().is_empty() {
                    return Err(format!("导入的科目表中科目“{code}”没有名称"));
                }
                if name.chars().count() > limits::SHORT_TEXT {
                    return Err(format!(
                        "导入的科目表中科目“{code}”的名称超过 {} 个字",
                        limits::SHORT_TEXT
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_classified_by_first_digit_and_length() {
        assert_eq!(
            Classification::of_code("2050201"),
            Ok(Classification::Functional)
        );
        assert_eq!(
            Classification::of_code("30217"),
            Ok(Classification::Economic)
        );
        assert!(
            Classification::of_code("2050")
                .unwrap_err()
                .contains("3、5 或 7 位")
        );
        assert!(
            Classification::of_code("3021")
                .unwrap_err()
                .contains("3 或 5 位")
        );
        assert!(
            Classification::of_code("10101")
                .unwrap_err()
                .contains("2 开头")
        );
        assert!(
            Classification::of_code("20a")
                .unwrap_err()
                .contains("只含数字")
        );
        assert!(Classification::of_code("").unwrap_err().contains("缺少"));
    }

    #[test]
    fn a_code_in_the_wrong_table_is_refused() {
        let mut e = CatalogEdition {
            source: "t.csv".into(),
            ..CatalogEdition::default()
        };
        e.functional.insert("30101".into(), "基本工资".into());
        assert!(
            e.validate()
                .unwrap_err()
                .contains("支出经济分类科目“30101”")
        );
        e.functional.clear();
        e.economic.insert("30101".into(), " ".into());
        assert!(e.validate().unwrap_err().contains("没有名称"));
    }
}
