// CodeMirror's own words (search panel, go-to-line, folding, diagnostics, completions) in the page's language,
// through EditorState.phrases. The keys are CodeMirror's English phrases (@codemirror/search, language, lint,
// autocomplete, view); a phrase missing here stays English.
import { EditorState } from '@codemirror/state';
import { lang } from './i18n.js';

const PHRASES = {
  'zh-CN': {
    Find: '查找', Replace: '替换', next: '下一个', previous: '上一个', all: '全部', 'match case': '区分大小写',
    regexp: '正则表达式', 'by word': '全词匹配', replace: '替换', 'replace all': '全部替换', close: '关闭',
    'current match': '当前匹配', 'replaced $ matches': '已替换 $ 处', 'replaced match on line $': '已替换第 $ 行的匹配',
    'on line': '在第几行', 'Go to line': '跳转到行', go: '跳转', to: '至', 'folded code': '已折叠的代码',
    unfold: '展开', 'Fold line': '折叠此行', 'Unfold line': '展开此行', 'Folded lines': '已折叠的行',
    'Unfolded lines': '已展开的行', Diagnostics: '诊断信息', 'No diagnostics': '没有诊断信息',
    Completions: '补全建议', 'Control character': '控制字符', 'Selection deleted': '已删除所选内容',
  },
};

/** The extension that gives the editor its words in the page's language (none for English). */
export const editorPhrases = PHRASES[lang] ? [EditorState.phrases.of(PHRASES[lang])] : [];
