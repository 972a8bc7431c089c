//! The typst `World`: the template, the document data and the bundled fonts; nothing is read from
//! disk and no clock is read.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::PrintDate;

/// The templates: the document's pages, its front part (cover, contents, page numbers) and what
/// the two share.
const TEMPLATES: [(&str, &str); 3] = [
    (
        Part::Body.path(),
        include_str!("../../assets/print/document.typ"),
    ),
    (
        Part::Front.path(),
        include_str!("../../assets/print/front.typ"),
    ),
    ("/style.typ", include_str!("../../assets/print/style.typ")),
];

/// Which template a compilation starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// The document's pages (`document.typ`).
    Body,
    /// The cover, the contents and the page numbers (`front.typ`).
    Front,
}

impl Part {
    const fn path(self) -> &'static str {
        match self {
            Part::Body => "/document.typ",
            Part::Front => "/front.typ",
        }
    }
}

/// The fonts the pages use, all SIL OFL 1.1 (see `assets/fonts/LICENSE-OFL.txt`): the body in
/// Noto Serif CJK SC, titles and headings in Noto Sans CJK SC Bold, （一） headings in 楷体
/// (JuesuanKai, a subset of LXGW WenKai), tables in Noto Sans CJK SC. The first three hold GB
/// 2312 and its symbols; Noto Sans CJK SC holds every CJK unified ideograph, the fallback for
/// a rarer character (`packaging/fonts/make-fonts.sh`). The serif and the sans bold have
/// TrueType outlines: writing the PDF subsets those in half the time CFF outlines take.
pub const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/NotoSerifSC-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansSC-Bold.ttf"),
    include_bytes!("../../assets/fonts/JuesuanKai-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansSC-Regular.otf"),
];

fn file_id(path: &str) -> FileId {
    // The paths are constants, so they are always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("constant path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// What stays the same between compilations: library, fonts, template.
pub(super) struct Base {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    data: FileId,
    templates: Vec<Source>,
}

impl Base {
    pub(super) fn new() -> Base {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        Base {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            data: file_id("/data.json"),
            templates: TEMPLATES
                .iter()
                .map(|(path, text)| Source::new(file_id(path), (*text).to_owned()))
                .collect(),
        }
    }

    /// A world for one compilation of `part` with `data`, dated `date`.
    pub(super) fn with_data(&self, part: Part, data: Vec<u8>, date: PrintDate) -> DocWorld<'_> {
        DocWorld {
            base: self,
            main: file_id(part.path()),
            data: Bytes::new(data),
            today: Datetime::from_ymd(date.year, date.month, date.day),
        }
    }

    fn template(&self, id: FileId) -> Option<&Source> {
        self.templates.iter().find(|s| s.id() == id)
    }
}

/// One compilation's world.
pub(super) struct DocWorld<'a> {
    base: &'a Base,
    main: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl DocWorld<'_> {
    /// The template's name and the 1-based line that holds `span`.
    pub(super) fn template_line(&self, span: typst::syntax::DiagSpan) -> Option<(String, usize)> {
        let source = self.base.template(span.id()?)?;
        let at = typst::WorldExt::range(self, span)?.start;
        let line = source.lines().byte_to_line(at)? + 1;
        let name = source.id().get().vpath().file_name()?.to_owned();
        Some((name, line))
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.base.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.base.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.base.template(id).cloned().ok_or(FileError::NotSource)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.base.data {
            Ok(self.data.clone())
        } else if let Some(source) = self.base.template(id) {
            Ok(Bytes::from_string(source.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
