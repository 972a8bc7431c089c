//! The Chinese a clerk reads when a file cannot be read or written. serde_json and the operating
//! system speak English; nothing of theirs reaches the clerk untranslated: a phrase not known
//! here becomes a general Chinese description, never the English text.

use std::io;

/// What an operating-system error means, in Chinese, with what to do about it.
pub fn io_message(e: &io::Error) -> String {
    use io::ErrorKind as K;
    #[cfg(windows)]
    if let Some(code) = e.raw_os_error() {
        // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: another program has the file open.
        if code == 32 || code == 33 {
            return "文件正被其他程序（如 WPS、Excel 或杀毒软件）占用，请关闭该程序后重试"
                .to_owned();
        }
        // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL.
        if code == 112 || code == 39 {
            return disk_full();
        }
    }
    match e.kind() {
        K::NotFound => "文件或文件夹不存在，请检查路径".to_owned(),
        K::PermissionDenied => "没有权限访问该文件，请检查文件属性或换一个文件夹".to_owned(),
        K::AlreadyExists => "同名文件已存在".to_owned(),
        K::StorageFull | K::QuotaExceeded => disk_full(),
        K::ReadOnlyFilesystem => {
            "该磁盘或文件夹是只读的（如光盘、写保护的 U 盘），请换一个位置保存".to_owned()
        }
        K::IsADirectory => "这是一个文件夹，不是文件".to_owned(),
        K::NotADirectory => "路径中有一部分不是文件夹".to_owned(),
        K::DirectoryNotEmpty => "文件夹不是空的".to_owned(),
        K::FileTooLarge => "文件太大，超出了磁盘允许的大小".to_owned(),
        K::ResourceBusy | K::ExecutableFileBusy => {
            "文件正被其他程序占用，请关闭该程序后重试".to_owned()
        }
        K::TooManyLinks => "路径中的符号链接过多或形成了循环".to_owned(),
        K::InvalidFilename => "文件名无效（过长或含有不允许的字符）".to_owned(),
        K::CrossesDevices => "不能跨磁盘移动文件".to_owned(),
        K::TimedOut => "读写超时（网络盘可能断开），请稍后重试".to_owned(),
        K::Interrupted => "读写被中断，请重试".to_owned(),
        K::UnexpectedEof => "文件不完整，读到一半就结束了".to_owned(),
        K::InvalidData => "文件不是 UTF-8 编码的文本".to_owned(),
        K::OutOfMemory => "内存不足".to_owned(),
        K::Unsupported => "该磁盘或系统不支持这个操作".to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => format!("读写失败（系统错误代码 {code}），请检查磁盘或网络连接后重试"),
            None => "读写失败，请检查磁盘或网络连接后重试".to_owned(),
        },
    }
}

fn disk_full() -> String {
    "磁盘空间已满，文件没有保存（原文件未改动），请清理磁盘或换一个位置保存".to_owned()
}

/// A JSON syntax error (serde_json's `Category::Syntax` message without its position) in
/// Chinese.
pub fn syntax_message(message: &str) -> String {
    let known: [(&str, &str); 18] = [
        ("expected value", "此处应有一个值"),
        ("expected `,` or `]`", "列表中缺少逗号或右方括号 ]"),
        ("expected `,` or `}`", "对象中缺少逗号或右花括号 }"),
        ("expected `:`", "字段名后缺少冒号 :"),
        ("expected `\"`", "此处应有引号 \""),
        ("expected ident", "此处应为 true、false 或 null"),
        ("trailing characters", "文件内容结束后还有多余的字符"),
        ("trailing comma", "最后一项后面多了逗号"),
        ("key must be a string", "字段名必须用引号括起来"),
        ("invalid escape", "字符串中有无效的转义符 \\"),
        ("invalid number", "数字写法无效"),
        ("number out of range", "数字超出范围"),
        (
            "invalid unicode code point",
            "字符串中有无效的 Unicode 字符",
        ),
        ("control character", "字符串中有控制字符（如未转义的换行）"),
        (
            "lone leading surrogate",
            "字符串中有不成对的 Unicode 代理字符",
        ),
        ("unexpected end of hex escape", "字符串中的 \\u 转义不完整"),
        ("recursion limit exceeded", "嵌套层数过多"),
        (
            "EOF while parsing",
            "文件不完整（内容在此处中断，可能保存时被截断）",
        ),
    ];
    known
        .iter()
        .find(|(english, _)| message.starts_with(english) || message.contains(english))
        .map(|(_, chinese)| format!("JSON 语法错误：{chinese}"))
        .unwrap_or_else(|| "JSON 语法错误，文件可能已损坏".to_owned())
}

/// A data error (a value of the wrong kind, a missing or unknown field) in Chinese. Messages of
/// our own deserializers (amounts) are Chinese already and pass through.
pub fn data_message(message: &str) -> String {
    let backticked = |s: &str| s.split('`').nth(1).map(str::to_owned).unwrap_or_default();
    let expected = message
        .split_once(", expected ")
        .or_else(|| message.split_once(" expected "))
        .map(|(_, e)| e)
        .unwrap_or_default();
    if message.starts_with("missing field") {
        format!("缺少字段 {}", backticked(message))
    } else if message.starts_with("duplicate field") {
        format!(
            "字段 {} 出现了两次，只能有一个（文件可能被手工改过）",
            backticked(message)
        )
    } else if message.starts_with("unknown field") {
        format!(
            "未知字段 {}（可能是拼写错误，或由其他程序、更新版本写入）",
            backticked(message)
        )
    } else if message.starts_with("unknown variant") {
        let allowed = expected.trim_start_matches("one of ").replace('`', "");
        format!(
            "取值“{}”无效，应为：{}",
            backticked(message),
            allowed.replace(" or ", "、").replace(", ", "、")
        )
    } else if let Some(rest) = message.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or_default();
        format!("长度 {n} 不对，应为{}", expected_kind(expected))
    } else if message.starts_with("invalid value: integer") && expected == "u32" {
        format!(
            "“{}”不是有效的数量，应为不小于 0 的整数",
            backticked(message)
        )
    } else if message.starts_with("invalid value: string") && expected.contains("Decimal") {
        let text = message.split('"').nth(1).unwrap_or_default();
        format!("“{text}”不是有效的数字")
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        let found = rest.split(", expected").next().unwrap_or_default();
        format!(
            "取值{}无效，应为{}",
            found_kind(found),
            expected_kind(expected)
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let found = rest.split(", expected").next().unwrap_or_default();
        format!(
            "类型错误：应为{}，实际是{}",
            expected_kind(expected),
            found_kind(found)
        )
    } else if message.contains("out of range") {
        "数字超出范围".to_owned()
    } else if is_chinese(message) {
        message.to_owned()
    } else {
        "内容不符合项目文件的格式，文件可能已损坏或由其他程序写入".to_owned()
    }
}

/// Whether a message is written in Chinese (has a CJK character).
fn is_chinese(message: &str) -> bool {
    message
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// serde's description of what it found: `integer `5``, `string "x"`, `null`, `map`, …
fn found_kind(found: &str) -> String {
    let backticked = found.split('`').nth(1).unwrap_or_default();
    if let Some(s) = found.strip_prefix("string ") {
        format!("文字 {s}")
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        format!("数字 {backticked}")
    } else if found.starts_with("boolean") {
        format!("真假值 {backticked}")
    } else {
        match found {
            "null" => "空值 null".to_owned(),
            "map" => "对象 {…}".to_owned(),
            "sequence" => "列表 […]".to_owned(),
            "unit" | "unit value" => "空值".to_owned(),
            _ => "其他类型的值".to_owned(),
        }
    }
}

/// serde's description of what it expected: `u32`, `a string`, `struct Unit`, our own
/// (Chinese) descriptions, …
fn expected_kind(expected: &str) -> String {
    if is_chinese(expected) {
        return expected.to_owned();
    }
    let e = expected.trim();
    if e.starts_with("struct ") || e == "a map" {
        return "对象 {…}".to_owned();
    }
    if e.starts_with("a sequence") || e.starts_with("tuple") || e.starts_with("an array") {
        return "列表 […]".to_owned();
    }
    if e.starts_with("enum ") || e.contains("variant") {
        return "规定的取值之一".to_owned();
    }
    match e {
        "u8" | "u16" | "u32" | "u64" | "usize" => "不小于 0 的整数".to_owned(),
        "i8" | "i16" | "i32" | "i64" => "整数".to_owned(),
        "a string" | "a borrowed string" | "string" => "文字".to_owned(),
        "a boolean" | "bool" => "真假值 true 或 false".to_owned(),
        "a Decimal type representing a fixed-point number" => {
            "写成字符串的数字（如 \"10\"）".to_owned()
        }
        _ => "正确类型的值".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_become_chinese() {
        assert_eq!(data_message("missing field `year`"), "缺少字段 year");
        assert_eq!(
            data_message("unknown variant `x`, expected `元` or `万元`"),
            "取值“x”无效，应为：元、万元"
        );
        assert_eq!(
            data_message("invalid type: integer `5`, expected i32"),
            "类型错误：应为整数，实际是数字 5"
        );
        assert!(data_message("invalid value: integer `-1`, expected u32").contains("不小于 0"));
        assert!(data_message("duplicate field `format`").contains("出现了两次"));
        assert!(
            data_message("invalid length 0, expected struct Signatories with 3 elements")
                .contains("长度 0")
        );
        assert!(is_chinese(&data_message("something new from serde")));
        assert!(is_chinese(&syntax_message("expected value")));
        assert!(is_chinese(&syntax_message("something else entirely")));
    }
}
