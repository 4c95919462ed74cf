package io.baton.server.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing: {@code ?page=1&page_size=20} gives {@code {items, page, pageSize, total}}.
 *
 * @param items the page's items
 * @param page the 1-based page number
 * @param pageSize the page size asked for
 * @param total how many items there are in all
 */
public record Page<T>(List<T> items, int page, int pageSize, long total) {

  /** The largest page size served. */
  public static final int MAX_PAGE_SIZE = 200;

  /** The same page with its items mapped. */
  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), page, pageSize, total);
  }

  /**
   * A checked page request.
   *
   * @param page the 1-based page number
   * @param size how many per page
   */
  public record Request(int page, int size) {
    /**
     * Checks the query parameters.
     *
     * @throws ApiError pointing at the parameter when it is out of range
     */
    public static Request of(int page, int size) {
      if (page < 1) {
        throw ApiError.badField("/page", "invalid-page", "page must be 1 or more, was " + page);
      }
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw ApiError.badField(
            "/page_size",
            "invalid-page-size",
            "page_size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
      }
      return new Request(page, size);
    }

    /** How many items come before the page. */
    public int offset() {
      return (page - 1) * size;
    }
  }
}
