//! The typst `World`: the template, the document data and the bundled fonts; nothing is read from
//! disk and no clock is read.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::PrintDate;

const TEMPLATE: &str = include_str!("../../assets/print/document.typ");

/// The fonts the pages use, all SIL OFL 1.1 (see `assets/fonts/LICENSE-OFL.txt`): the body in
/// Noto Serif CJK SC, titles and headings in Noto Sans CJK SC Bold, （一） headings in 楷体
/// (JuesuanKai, a subset of LXGW WenKai), tables in Noto Sans CJK SC. The first three hold GB
/// 2312 and its symbols; Noto Sans CJK SC holds every CJK unified ideograph, the fallback for
/// a rarer character (`packaging/fonts/make-fonts.sh`).
pub const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/NotoSerifSC-Regular.otf"),
    include_bytes!("../../assets/fonts/NotoSansSC-Bold.otf"),
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
    main: FileId,
    data: FileId,
    template: Source,
}

impl Base {
    pub(super) fn new() -> Base {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        let main = file_id("/document.typ");
        Base {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main,
            data: file_id("/data.json"),
            template: Source::new(main, TEMPLATE.to_owned()),
        }
    }

    /// A world for one compilation of `data` dated `date`.
    pub(super) fn with_data(&self, data: Vec<u8>, date: PrintDate) -> DocWorld<'_> {
        DocWorld {
            base: self,
            data: Bytes::new(data),
            today: Datetime::from_ymd(date.year, date.month, date.day),
        }
    }
}

/// One compilation's world.
pub(super) struct DocWorld<'a> {
    base: &'a Base,
    data: Bytes,
    today: Option<Datetime>,
}

impl DocWorld<'_> {
    /// The 1-based line of the template that holds byte `at`.
    pub(super) fn template_line(&self, at: usize) -> Option<usize> {
        self.base.template.lines().byte_to_line(at).map(|l| l + 1)
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
        self.base.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.base.main {
            Ok(self.base.template.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.base.data {
            Ok(self.data.clone())
        } else if id == self.base.main {
            Ok(Bytes::from_string(self.base.template.clone()))
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
