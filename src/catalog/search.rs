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
        ranked(self.functional_entries(), query, |e| e.code.len() == 7)
            .take(limit)
            .map(|entry| SearchHit {
                entry,
                parents: self.parents(&entry.code),
            })
            .collect()
    }

    /// Economic 款 (5-digit) entries under one of `classes` (every class when empty) matching
    /// `query` as [`Catalog::search_functional`] matches, best first; every such 款 in code
    /// order when `query` is blank (the list a picker opens on).
    pub fn search_economic<'a>(&'a self, query: &str, classes: &[&str]) -> Vec<&'a Entry> {
        let items = self.economic_entries().filter(|e| {
            e.code.len() == 5
                && (classes.is_empty() || classes.iter().any(|c| e.code.starts_with(c)))
        });
        if query.trim().is_empty() {
            return items.collect();
        }
        ranked(items, query, |_| true).collect()
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

/// The entries matching `query`, best first: digits match code prefixes; other text matches
/// part of the name, or a prefix (then any part) of the 拼音 initials. Among equal matches the
/// `preferred` entries come first, then code order. Nothing for a blank query.
fn ranked<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    query: &str,
    preferred: impl Fn(&Entry) -> bool,
) -> impl Iterator<Item = &'a Entry> {
    let query = query.trim();
    let lower = query.to_lowercase();
    let by_code = query.chars().all(|c| c.is_ascii_digit());
    let mut hits: Vec<(u8, &Entry)> = if query.is_empty() {
        Vec::new()
    } else {
        entries
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
                let level = if preferred(e) { 0 } else { 1 };
                Some((rank * 2 + level, e))
            })
            .collect()
    };
    hits.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| a.code.cmp(&b.code)));
    hits.into_iter().map(|(_, e)| e)
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
