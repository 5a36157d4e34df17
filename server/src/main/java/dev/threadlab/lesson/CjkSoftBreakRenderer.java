package dev.threadlab.lesson;

import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A line break inside a paragraph becomes a space in HTML, which is right between English words but shows as a gap
 * in the middle of Chinese text. Where the text on either side of the break is Chinese (or full-width punctuation),
 * the break is dropped.
 */
final class CjkSoftBreakRenderer implements NodeRenderer {
    private final HtmlWriter html;
    private final String softbreak;

    CjkSoftBreakRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
        this.softbreak = context.getSoftbreak();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(SoftLineBreak.class);
    }

    @Override
    public void render(Node node) {
        if (!(isWide(lastCharBefore(node)) || isWide(firstCharAfter(node)))) {
            html.raw(softbreak);
        }
    }

    private static int lastCharBefore(Node node) {
        String text = node.getPrevious() instanceof Text t ? t.getLiteral() : "";
        return text.isEmpty() ? -1 : text.codePointBefore(text.length());
    }

    private static int firstCharAfter(Node node) {
        String text = node.getNext() instanceof Text t ? t.getLiteral() : "";
        return text.isEmpty() ? -1 : text.codePointAt(0);
    }

    static boolean isWide(int codePoint) {
        if (codePoint < 0) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
