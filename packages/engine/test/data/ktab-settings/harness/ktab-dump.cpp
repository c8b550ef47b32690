// ktab-dump: run KTAB's SMP exactly as `smpc --xml FILE --logmin --connstr ...` does
// (SMPModel::runModel with the same SQL flags and seed handling), then print the state history
// (positions on 0..100, per-actor position probabilities) at full double precision as JSON.
// Brink's own harness; links KTAB's smp, kmodel and kutils libraries (not part of KTAB).
#include "smp.h"
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

static void jsonString(const std::string &s) {
  putchar('"');
  for (char c : s) {
    if (c == '"' || c == '\\') { putchar('\\'); putchar(c); }
    else if ((unsigned char)c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

int main(int ac, char **av) {
  if (ac < 3) {
    fprintf(stderr, "usage: ktab-dump FILE.xml|FILE.csv DBNAME [seed]\n");
    return 2;
  }
  std::string input = av[1];
  std::string connstr = std::string("Driver=QSQLITE;Database=") + av[2];
  uint64_t seed = (uint64_t)-1;                       // as smpc: -1 = take the XML's prngSeed
  if (ac > 3) seed = std::stoull(av[3]);
  bool xml = input.size() > 4 && input.substr(input.size() - 4) == ".xml";
  if (seed == (uint64_t)-1 && !xml) seed = KBase::dSeed;  // as smpc for CSV input

  KBase::Model::configLogger("./smpc-logger.conf");
  std::vector<bool> sqlFlags = {true, false, false, false, true};  // smpc --logmin
  if (!SMPLib::SMPModel::loginCredentials(connstr)) {
    printf("{\"error\": ");
    jsonString(KBase::Model::getLastError());
    printf("}\n");
    return 0;
  }
  std::string id = SMPLib::SMPModel::runModel(sqlFlags, input, seed, false);
  if (id.empty()) {
    printf("{\"error\": ");
    jsonString(KBase::Model::getLastError());
    printf("}\n");
    return 0;
  }
  SMPLib::SMPModel *md = SMPLib::SMPModel::getSmpModel();
  const unsigned int na = md->numAct, nd = md->numDim, ns = md->history.size();
  printf("{\"scenarioId\": ");
  jsonString(id);
  printf(", \"seed\": \"%llu\"", (unsigned long long)md->getSeed());
  printf(", \"turns\": %u, \"positions\": [", ns - 1);
  for (unsigned int t = 0; t < ns; t++) {
    auto st = md->history[t];
    printf(t ? ",\n  [" : "\n  [");
    for (unsigned int i = 0; i < na; i++) {
      auto vp = static_cast<KBase::VctrPstn *>(st->pstns[i]);
      printf(i ? ", [" : "[");
      for (unsigned int k = 0; k < nd; k++) printf(k ? ", %.17g" : "%.17g", (*vp)(k, 0) * 100.0);
      printf("]");
    }
    printf("]");
  }
  printf("],\n \"probHistory\": [");
  for (unsigned int t = 0; t < ns; t++) {
    auto st = (SMPLib::SMPState *)md->history[t];
    auto pn = st->pDist(-1);
    auto pdt = std::get<0>(pn);
    auto unq = std::get<1>(pn);
    printf(t ? ",\n  [" : "\n  [");
    for (unsigned int i = 0; i < na; i++) printf(i ? ", %.17g" : "%.17g", st->posProb(i, unq, pdt));
    printf("]");
  }
  printf("]}\n");
  SMPLib::SMPModel::destroyModel();
  return 0;
}
