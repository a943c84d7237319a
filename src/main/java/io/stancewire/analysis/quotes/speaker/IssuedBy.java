package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "an order by Admiral X directing units to "..."", "a statement from the king saying "..."": a quote inside
 * the phrase of a statement or order whose issuer is named belongs to the issuer.
 */
final class IssuedBy implements SpeakerRule {

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int node = text.governor(quote.from());
        while (node >= 0 && layout.isQuoted(node)) {
            node = text.governor(node);
        }
        for (int hop = 0; hop < 6 && node >= 0; hop++, node = text.governor(node)) {
            Referent issuer = referents.issuerOf(node);
            if (issuer != null) {
                return issuer;
            }
        }
        return null;
    }
}
