// Words that name people, roles and teams, and words that name tools and systems, as incident notes
// use them. One list serves the sentence analysis (is this subject a person?) and the rules' cheap
// gates (could this sentence be about a person at all?), so the two never disagree.

const lines = (words: string): string => words.trim().split(/\s+/).join('|');

/** People, roles and teams ("the on-call", "procurement", "our vendor's technician"); a regex alternation. */
export const PERSON_WORDS_SOURCE = lines(String.raw`
  team teams squad guys? folks people engineers? developers? devs? manager managers lead leads contractors? intern interns
  hire hires reviewers? approvers? admins? administrators? sysadmins? qa ops devops sre sres support marketing sales security
  dba dbas management leadership he she they them someone somebody anyone anybody nobody everyone whoever colleagues? coworkers?
  owners? department staff vendors? consultants? designers? design product legal finance procurement accounting hr helpdesk
  infra pms? person employees? analysts? architects? operators? backend frontend his her their technicians? testers? maintainers?
  authors? partners? suppliers? freelancers? outsourcers? offshore shift boss director cto cio ceo executives? stakeholders?
  programmers? coders? juniors? seniors? newbies? newcomers? on-?call oncall dept folks crew agency integrator integrators
  captains? commanders? coordinators? members? reps? representatives? specialists? mr mrs ms dr`);

/** Tools, vendors' products and systems ("the scheduler", "Terraform"); a regex alternation. */
export const TOOL_WORDS_SOURCE = lines(String.raw`
  scheduler system tool tools library linter autoscaler balancer orm provider pipeline ci cd cron kubernetes k8s aws gcp azure
  jenkins terraform github gitlab actions stripe docker npm framework compiler platform service vendor api sdk plugin script
  bot database cloud server cluster os kernel browser monitoring alerting postgres postgresql mysql redis kafka nginx
  cloudflare datadog pagerduty sentry slack heroku vercel netlify okta elasticsearch mongo mongodb rabbitmq celery airflow helm
  argo ansible puppet chef vault consul grafana prometheus splunk linux windows chrome safari firefox ios android node python
  java rails django react webpack eslint git bitbucket circleci travis dependabot renovate s3 ec2 lambda rds dynamodb gke eks
  firewall proxy cdn dns queue worker job ingress`);
