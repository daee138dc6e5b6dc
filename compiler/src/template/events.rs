//! Reading WXML event attributes: `bindtap`, `bind:tap`, `catchtap`, `catch:tap`,
//! `capture-bind:tap`, `capture-catch:tap`, `mut-bind:tap` (WeChat's event docs,
//! developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/event.html). WeChat treats
//! every attribute starting so as an event binding, and so do we.

/// How an event attribute binds: phase, propagation, and the event's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventAttr<'a> {
    pub capture: bool,
    pub catch: bool,
    pub mutual: bool,
    pub event: &'a str,
}

/// The event an attribute binds, or `None` for an ordinary attribute.
pub fn parse_event_attr(name: &str) -> Option<EventAttr<'_>> {
    let (rest, capture) = match name.strip_prefix("capture-") {
        Some(rest) => (rest, true),
        None => (name, false),
    };
    let forms: [(&str, bool, bool); 3] = [("mut-bind", false, true), ("bind", false, false), ("catch", true, false)];
    for (prefix, catch, mutual) in forms {
        if capture && mutual {
            continue;
        }
        if let Some(after) = rest.strip_prefix(prefix) {
            let event = after.strip_prefix(':').unwrap_or(after);
            if event.is_empty() {
                return None;
            }
            return Some(EventAttr { capture, catch, mutual, event });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_form() {
        let e = |capture, catch, mutual, event| Some(EventAttr { capture, catch, mutual, event });
        assert_eq!(parse_event_attr("bindtap"), e(false, false, false, "tap"));
        assert_eq!(parse_event_attr("bind:my-event"), e(false, false, false, "my-event"));
        assert_eq!(parse_event_attr("catchtap"), e(false, true, false, "tap"));
        assert_eq!(parse_event_attr("catch:tap"), e(false, true, false, "tap"));
        assert_eq!(parse_event_attr("capture-bind:touchstart"), e(true, false, false, "touchstart"));
        assert_eq!(parse_event_attr("capture-catch:tap"), e(true, true, false, "tap"));
        assert_eq!(parse_event_attr("mut-bind:tap"), e(false, false, true, "tap"));
        assert_eq!(parse_event_attr("class"), None);
        assert_eq!(parse_event_attr("capture-x"), None);
        assert_eq!(parse_event_attr("bind"), None);
    }
}
