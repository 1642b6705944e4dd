import scrapy


class Article(scrapy.Item):
    """One page of the site. The spider fills url and html; PithPipeline
    fills text and the metadata named in PITH_METADATA_FIELDS."""

    url = scrapy.Field()
    html = scrapy.Field()
    text = scrapy.Field()
    title = scrapy.Field()
    author = scrapy.Field()
    date = scrapy.Field()
