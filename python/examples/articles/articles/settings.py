BOT_NAME = "articles"
SPIDER_MODULES = ["articles.spiders"]
NEWSPIDER_MODULE = "articles.spiders"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 4
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"

# The one line that turns pith on.
ITEM_PIPELINES = {"pith.scrapy.PithPipeline": 300}

# pith.scrapy's settings, at their defaults except where said.
PITH_HTML_FIELD = "html"
PITH_TEXT_FIELD = "text"
PITH_OUTPUT_FORMAT = "txt"        # txt, markdown, json or html
PITH_FAVOR = "balanced"           # precision, recall or balanced
PITH_DROP_EMPTY = True            # home pages, 404s, section pages: DropItem
PITH_METADATA_FIELDS = ["title", "author", "date"]
