package dev.refinery.exchange;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Rejected;

/**
 * Where a webhook may post: an http(s) URL whose host resolves only to public addresses. Loopback, private, link-local,
 * shared (100.64/10), unique-local (fc00::/7), multicast and unspecified addresses are refused, unless the administrator
 * allows them ({@code REFINERY_WEBHOOKS_ALLOW_PRIVATE=true}). Checked when a hook is saved and again before each
 * delivery, since a name may resolve elsewhere by then.
 */
@Component
class WebhookAddresses {

    private final boolean allowPrivate;
    private final Resolver resolver;

    /** Names to addresses; the system's resolver, or a fixed table in tests. */
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    @Autowired
    WebhookAddresses(@Value("${refinery.webhooks.allow-private:false}") boolean allowPrivate) {
        this(allowPrivate, host -> List.of(InetAddress.getAllByName(host)));
    }

    WebhookAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL, checked; refused with the reason on field {@code url}. */
    URI check(String url) {
        var text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw refused("Give the URL that receives the events, such as https://example.com/hooks/refinery.");
        }
        if (text.length() > 2000) {
            throw refused("A URL has up to 2,000 characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        }
        catch (URISyntaxException invalid) {
            throw refused("This is not a URL: " + invalid.getReason() + ".");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("Only http:// and https:// URLs receive webhooks.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("The URL needs a host name, such as https://example.com/hooks.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("Leave user names and passwords out of the URL; check the signature instead.");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        }
        catch (UnknownHostException unknown) {
            throw refused("The host " + uri.getHost() + " cannot be found.");
        }
        if (!allowPrivate) {
            for (var address : addresses) {
                if (internal(address)) {
                    throw refused("The host " + uri.getHost() + " is at " + address.getHostAddress()
                            + ", a private, loopback or link-local address: webhooks go to public addresses only.");
                }
            }
        }
        return uri;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            var first = bytes[0] & 0xff;
            var second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            // IPv4 written as IPv6 (::ffff:10.0.0.1, ::10.0.0.1): judged by the IPv4 address inside
            var mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                }
                catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Rejected refused(String message) {
        return Rejected.invalid("url", message);
    }
}
