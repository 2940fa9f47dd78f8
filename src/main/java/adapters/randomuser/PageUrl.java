package adapters.randomuser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import application.port.out.PageQuery;

/** The request URI of one page: the base URL plus RandomUser's query parameters. */
final class PageUrl {

    private PageUrl() {}

    static URI of(URI baseUrl, PageQuery query) {
        StringBuilder url = new StringBuilder(baseUrl.toString())
                .append("?results=")
                .append(query.results())
                .append("&page=")
                .append(query.page())
                .append("&seed=")
                .append(encode(query.seed()));
        if (!query.nationalities().isEmpty()) {
            // the comma stays literal: it is RandomUser's list separator
            url.append("&nat=")
                    .append(query.nationalities().stream().map(PageUrl::encode).collect(Collectors.joining(",")));
        }
        query.gender().ifPresent(gender -> url.append("&gender=").append(encode(gender)));
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
