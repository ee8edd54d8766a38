package dev.refinery.meeting;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;

import dev.refinery.shared.GuestRooms;

/** Tokens of guest links, and the QR code of a link, drawn as SVG from ZXing's matrix. */
@Component
class GuestLinks implements GuestRooms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefinementSessionRepository sessions;

    GuestLinks(RefinementSessionRepository sessions) {
        this.sessions = sessions;
    }

    static String newToken() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Optional<String> room(String token) {
        return sessions.byLink(token).filter(RefinementSession::live)
            .map(session -> SessionRoomEvents.room(session.team(), session.id()));
    }

    static String qrSvg(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
            var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(matrix.getWidth()).append(' ').append(matrix.getHeight())
                .append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the guest link\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return svg.append("\"/></svg>").toString();
        }
        catch (WriterException unencodable) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text, unencodable);
        }
    }
}
