package io.callflow.domain.common;

import java.util.List;

/** One page of a list, VoIPbin's shape: keep passing {@code next_page_token} until {@code result} is empty. */
public record Page<T>(String nextPageToken, List<T> result) {
}
