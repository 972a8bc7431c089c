//! The code picker's search: by code digits, by part of a name, or by 拼音 initials.

use pinyin::ToPinyin;

use super::{Catalog, Entry};

/// The 拼音 initials of `name`, lower case; characters without a reading (digits, letters) are
/// kept as they are, and punctuation is dropped. 住房公积金 → `zfgjj`.
pub fn initials(name: &str) -> String {
    name.chars()
        .zip(name.to_pinyin())
        .filter_map(|(ch, py)| match py {
            Some(p) => p.first_letter().chars().next(),
            None if ch.is_ascii_alphanumeric() => Some(ch.to_ascii_lowercase()),
            None => None,
        })
        .collect()
}

/// One search result: an entry and, for a 项, the names of its 类 and 款.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit<'a> {
    /// The matching entry.
    pub entry: &'a Entry,
    /// The 类 and 款 names above it, e.g. `["住房保障支出", "住房改革支出"]`.
    pub parents: Vec<&'a str>,
}

impl SearchHit<'_> {
    /// The hit as the picker shows it: `2210201 住房公积金（住房保障支出 / 住房改革支出）`.
    pub fn label(&self) -> String {
        if self.parents.is_empty() {
            format!("{} {}", self.entry.code, self.entry.name)
        } else {
            format!(
                "{} {}（{}）",
                self.entry.code,
                self.entry.name,
                self.parents.join(" / ")
            )
        }
    }
}

impl Catalog {
    /// Functional entries matching `query`, best first, at most `limit`.
    ///
    /// Digits match code prefixes; other text matches part of the name, or a prefix of the
    /// 拼音 initials. 项 (7-digit) entries come first, since those are what a line needs; ties
    /// are in code order.
    pub fn search_functional(&self, query: &str, limit: usize) -> Vec<SearchHit<'_>> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let lower = query.to_lowercase();
        let by_code = query.chars().all(|c| c.is_ascii_digit());
        let mut hits: Vec<(u8, &Entry)> = self
            .functional_entries()
            .filter_map(|e| {
                let rank = if by_code {
                    e.code.starts_with(query).then_some(0)
                } else if e.name.contains(query) {
                    Some(0)
                } else if e.initials.starts_with(&lower) {
                    Some(1)
                } else if lower.is_ascii() && e.initials.contains(&lower) {
                    Some(2)
                } else {
                    None
                }?;
                let level = if e.code.len() == 7 { 0 } else { 1 };
                Some((rank * 2 + level, e))
            })
            .collect();
        hits.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| a.code.cmp(&b.code)));
        hits.into_iter()
            .take(limit)
            .map(|(_, entry)| SearchHit {
                entry,
                parents: self.parents(&entry.code),
            })
            .collect()
    }

    fn parents(&self, code: &str) -> Vec<&str> {
        [3, 5]
            .into_iter()
            .filter(|&n| n < code.len())
            .filter_map(|n| code.get(..n).and_then(|c| self.functional(c)))
            .map(|e| e.name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("住房公积金"), "zfgjj");
        assert_eq!(initials("党委办公厅（室）及相关机构事务"), "dwbgtsjxgjgsw");
    }
}
