"""Follows the links of one site from a start page and hands every page to
PithPipeline.

    scrapy crawl site -a start_url=https://example.com/ -O articles.jsonl

-a items=dict yields plain dicts instead of articles.items.Article; both
work with the pipeline.
"""

from urllib.parse import urlsplit

import scrapy

from articles.items import Article


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, start_url=None, items="item", max_pages="200", **kwargs):
        super().__init__(**kwargs)
        if not start_url:
            raise ValueError("give the start page: -a start_url=https://...")
        self.start_urls = [start_url]
        self.allowed_domains = [urlsplit(start_url).hostname]
        self.items = items
        self.max_pages = int(max_pages)
        self.seen = 0

    def parse(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            return
        self.seen += 1
        # The page goes to the pipeline as the Response itself: its bytes,
        # its HTTP charset and its URL. (html=response.text works too.)
        if self.items == "dict":
            yield {"url": response.url, "html": response}
        else:
            yield Article(url=response.url, html=response)
        if self.seen < self.max_pages:
            yield from response.follow_all(css="a[href]", callback=self.parse)
