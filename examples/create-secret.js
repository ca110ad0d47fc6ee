import '@secrets-engine/alibaba'
