//! Field paths: the names by which checks, storage errors and the UI point at one value.

use std::fmt;

/// The path of one value in a project, as in its JSON file: `revenue.general_budget`,
/// `expenditure.lines[2].basic`. Checks report these; the UI jumps to the field they name.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct FieldPath(String);

impl FieldPath {
    /// A path from its text form.
    pub fn new(path: impl Into<String>) -> FieldPath {
        FieldPath(path.into())
    }

    /// This path followed by a field name.
    pub fn field(&self, name: &str) -> FieldPath {
        if self.0.is_empty() {
            FieldPath(name.to_owned())
        } else {
            FieldPath(format!("{}.{name}", self.0))
        }
    }

    /// This path followed by an index into a list.
    pub fn index(&self, index: usize) -> FieldPath {
        FieldPath(format!("{}[{index}]", self.0))
    }

    /// The text form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this path is `other` or lies inside it (`a.b[1].c` is inside `a.b[1]` and `a.b`).
    pub fn is_within(&self, other: &FieldPath) -> bool {
        self.0 == other.0
            || (self.0.starts_with(&other.0)
                && matches!(self.0.as_bytes().get(other.0.len()), Some(b'.' | b'[')))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for FieldPath {
    fn from(path: &str) -> FieldPath {
        FieldPath::new(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_compose_like_json_paths() {
        let p = FieldPath::new("expenditure")
            .field("lines")
            .index(2)
            .field("basic");
        assert_eq!(p.as_str(), "expenditure.lines[2].basic");
        assert!(p.is_within(&FieldPath::new("expenditure.lines[2]")));
        assert!(p.is_within(&FieldPath::new("expenditure")));
        assert!(!p.is_within(&FieldPath::new("expenditure.lines[20]")));
        assert!(!FieldPath::new("revenue_x").is_within(&FieldPath::new("revenue")));
    }
}
