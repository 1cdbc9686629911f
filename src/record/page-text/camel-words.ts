/**
 * Words that are camel-case by nature, which the alias splitter must not cut: "DevOps" is one word
 * even though a lower-case letter runs into a capital. Three sources: a list of the trade's usual
 * suspects, the record's own text (a word written elsewhere in it is a word), and word shapes.
 */

/** Brands, products and jargon of the trade that are written camel-case. */
export const KNOWN_CAMEL_WORDS: readonly string[] = [
  // Practices and job-title jargon
  'DevOps', 'DevSecOps', 'SecOps', 'GitOps', 'MLOps', 'AIOps', 'FinOps', 'DataOps', 'NetOps', 'ITOps', 'BizOps', 'ChatOps',
  'NoOps', 'LLMOps', 'RevOps', 'SysAdmin', 'DevRel', 'DevEx', 'DevX', 'SecDevOps', 'ProdOps', 'CloudOps', 'PlatformOps',
  'SaaS', 'PaaS', 'IaaS', 'FaaS', 'BaaS', 'CaaS', 'DBaaS', 'IaC', 'PoC', 'MVPs', 'KPIs', 'OKRs', 'SLOs', 'SLAs', 'SLIs',
  'APIs', 'SDKs', 'QAs', 'PMs', 'VPs', 'CTOs', 'CEOs', 'CxO', 'CxOs', 'PhD', 'PhDs', 'MSc', 'BSc', 'MBAs',
  // Companies and products
  'GitHub', 'GitLab', 'BitBucket', 'LinkedIn', 'PowerPoint', 'PowerShell', 'PowerBI', 'SharePoint', 'OneDrive',
  'OneNote', 'YouTube', 'WordPress', 'WhatsApp', 'PayPal', 'DoorDash', 'AirBnB', 'HubSpot', 'ServiceNow', 'SalesForce',
  'DocuSign', 'DropBox', 'MongoDB', 'DynamoDB', 'CockroachDB', 'InfluxDB', 'CouchDB', 'RethinkDB', 'DuckDB', 'ClickHouse',
  'ElasticSearch', 'OpenSearch', 'OpenAI', 'ChatGPT', 'DeepMind', 'DeepSeek', 'HuggingFace', 'TensorFlow', 'PyTorch',
  'NumPy', 'SciPy', 'PySpark', 'DataBricks', 'DataDog', 'PagerDuty', 'CloudFormation', 'CloudWatch', 'CloudFlare',
  'OpenShift', 'OpenStack', 'OpenTelemetry', 'VMware', 'VSCode', 'IntelliJ', 'JetBrains', 'WebStorm', 'PyCharm',
  'ChromeOS', 'FreeBSD', 'OpenBSD', 'NetBSD', 'RedHat', 'SuSE', 'SageMaker', 'BigQuery', 'BigTable', 'FireBase',
  'FireStore', 'SnowFlake', 'MailChimp', 'SendGrid', 'SoundCloud', 'StackOverflow', 'TikTok', 'WeChat', 'OnlyFans',
  'PlayStation', 'SpaceX', 'JPMorgan', 'McKinsey', 'PwC', 'BlackRock', 'GoDaddy', 'MySpace', 'AppStore',
  'eBay', 'iPhone', 'iPad', 'iPod', 'iMac', 'iCloud', 'iTunes', 'iOS', 'iPadOS', 'macOS', 'watchOS', 'tvOS', 'visionOS',
  'MacBook', 'AirPods', 'FaceTime', 'CarPlay', 'XCode', 'SwiftUI', 'UIKit', 'eCommerce', 'eLearning', 'eMail',
  // Languages, databases, formats and tools
  'JavaScript', 'TypeScript', 'CoffeeScript', 'ActionScript', 'AppleScript', 'PostScript', 'PostgreSQL', 'MySQL',
  'NoSQL', 'SQLite', 'GraphQL', 'MariaDB', 'PostGIS', 'RabbitMQ', 'ZeroMQ', 'ActiveMQ', 'WebAssembly', 'WebGL', 'WebGPU',
  'WebRTC', 'WebSocket', 'WebSockets', 'NodeJS', 'NextJS', 'NestJS', 'VueJS', 'ReactJS', 'AngularJS', 'jQuery',
  'gRPC', 'OAuth', 'OpenAPI', 'OpenID', 'LaTeX', 'FastAPI', 'SQLAlchemy', 'RxJS', 'OCaml',
  'CMake', 'TeamCity', 'CircleCI', 'TravisCI', 'ArgoCD', 'FluxCD', 'HashiCorp', 'LaunchDarkly', 'NewRelic', 'AppDynamics',
  'SonarQube', 'SonarCloud', 'JUnit', 'TestNG', 'PyTest', 'WebDriver', 'WebdriverIO', 'LoadRunner', 'JMeter', 'MuleSoft',
  'BackStage', 'KubeFlow', 'MLflow', 'AutoML', 'LangChain', 'LlamaIndex', 'FinTech', 'EdTech', 'HealthTech', 'InsurTech',
  'PropTech', 'RegTech', 'MarTech', 'AdTech', 'GovTech', 'LegalTech', 'BioTech', 'DevTools', 'CodeOwners', 'SAFe',
];

/** Endings that make a capitalised word camel-case by nature: "ITOps", "SparkQL", "AcmeScript". */
export const CAMEL_ENDINGS: readonly string[] = ['Ops', 'SQL', 'QL', 'Script', 'Hub', 'Lab', 'DB'];

const KNOWN: ReadonlySet<string> = new Set(KNOWN_CAMEL_WORDS);

export function isKnownCamelWord(word: string): boolean {
  return KNOWN.has(word);
}

/** Where a lower-case letter runs into a capital, or a run of capitals into a capitalised word. */
const CAMEL_JOIN = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/gu;
/** The same joins in ASCII text, which V8 scans far faster than Unicode property classes. */
const ASCII_CAMEL_JOIN = /[a-z][A-Z]|[A-Z]{2}[a-z]/g;
const NON_ASCII = /[^\x00-\x7F]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The camel-case words of some lines: the record's own dictionary for the aliases ("IaC",
 * "ServiceNow"). Joins are rare in prose, so a scan finds them and only their words are cut out.
 */
export function camelWordsIn(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    for (const join of line.matchAll(NON_ASCII.test(line) ? CAMEL_JOIN : ASCII_CAMEL_JOIN)) {
      let start = join.index;
      while (start > 0 && WORD_CHAR.test(line[start - 1]!)) start -= 1;
      let end = join.index + join[0].length;
      while (end < line.length && WORD_CHAR.test(line[end]!)) end += 1;
      words.add(line.slice(start, end));
    }
  }
  return words;
}
