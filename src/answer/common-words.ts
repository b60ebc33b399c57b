/**
 * The commonest English words of four letters or more: the 10,000 commonest words of the
 * GloVe 6B vocabulary (Wikipedia and news, public domain under the PDDL), kept to letters,
 * less the one AI product's name among them, which content's glossaries own.
 * A word people commonly write is meant as written, so spelling correction leaves it be:
 * "lunch" is not a slip of a playbook's "launch", nor "form" one of "from".
 * Generated once; docs/accuracy.md says how.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `
that said with from have were this they which will their after been also would more first about
when year there other people percent than over into last some government time years world three
president only state million could most against them what united during before since many while
where states because city made like between just national country under such second then company
group through china four being down back south american minister police well including team
international week officials still both even high part told those former these make billion work
home school party house later another tuesday news long five called wednesday military used much
next monday thursday friday game here should take very north security season york public early
according several court around foreign until political says market however family life same
general left good university going number major known points month dollars bank iraq members
each area found official sunday place based among third times took right days local economic
countries best report killed held business west does came months women power think service
children bush show help chief saturday system john support series play office following meeting
expected late washington games european league reported final added without british white
history became want march case money began open name trade center israel film east central come
chinese town leader army line never little played prime death companies least forces past half
june saying know federal french peace earlier capital force great union near released small
department every health japan head night election region director talks program today statement
july although district again born development leaders council close record along county france
went point must spokesman your member plan financial april recent campaign become troops whether
lost music israeli need lead already russia though might free rights information away others
control within large economy press agency water died career making deal attack side seven better
less september once clinton main committee building conference club january decision stock
america given give often announced television industry order young palestinian start
administration russian prices round december nations human india defense asked total october
players bill important southern move fire population rose november include further nuclear
street taken media different issue received secretary return college working community eight
groups despite level largest whose attacks germany august change church nation german station
london weeks having research black services story europe sales policy visit northern across
current board football ministry workers vote book fell seen role students shares iran process
agreement quarter full match started growth moved possible western special plans interest behind
strong england named food period real authorities term rate race nearly korea enough site
opposition keep call future taking island road outside really century democratic almost single
share leading trying find album senior minutes together congress index australia results hard
hours land action higher field coach elections issues executive february production areas river
face using japanese province park price commission california father education village energy
shot short africa association average exchange something gave likely player george victory
things pakistan post social continue ever look chairman soldiers able parliament front himself
problems private lower list built efforts dollar miles included radio live form david african
increase reports sent fourth always king taiwan britain playing title middle meet global wife
position located clear ahead iraqi english result release violence goal project closed border
body soon crisis division served tour hospital kong test hong technology believe organization
published weapons agreed nine summer wanted republican recently texas course problem senate
medical done reached star continued investors living care signed provide worked presidential
gold obama morning dead opened event previous cost instead canada band teams daily available
drug coming investment michael civil woman training appeared involved indian similar situation
running fighting mark trial hold australian thought study fall mother relations anti song
popular base ground markets newspaper staff hand hope operations pressure americans eastern
legal asia budget returned considered love wrote stop fight currently charges ended management
brought cases decided failed network works turned fact vice mexico trading especially reporters
afghanistan common looking space rates manager loss justice thousands james rather fund thing
republic opening accused winning scored championship example getting biggest performance sports
allowed schools means turn leave robert personal stocks showed light arrested person either
offer majority battle class evidence makes society products regional needed stage doing families
construction various sold independent kind airport paul judge internet movement room followed
original angeles italy data comes parties nothing bring annual officer beijing present remain
nato remains allow florida computer contract coast created demand operation events islamic beat
analysts interview helped child probably spent asian effort cooperation shows calls
investigation lives video runs tried described toward written throughout established mission
associated growing green forward competition poor latest banks question prison feel attention
themselves firm injured itself governor movie range cross track programs forced includes
difficult produced wall rebels income chance elected reach adding species wants finished rise
killing spain joined italian language rest serious paris tournament officers inside scheduled
immediately increased brown remained parts success changes residents meanwhile sides jobs hall
believed olympic deputy records heart champion award planned version grand institute step
democrats rule labor above summit sometimes addition raised william needs talk longer terms
rules ruling joint ball beginning sure stay safety worth charge korean begin arab friends
anything atlanta caused sources sign issued armed cents funds claimed heavy noted parents
spending related offered particularly aircraft whole authority risk cannot matter science access
boston conditions details coalition compared break turkey daughter natural museum strike style
paid rock costs view usually spanish royal travel takes books smith chicago systems arrived
hundreds hour response developed jones potential cause value idea thomas professional domestic
credit changed gaza married launched muslim source everything weekend camp quickly owned finance
palestinians eventually measures cities blue richard starting ready plant build designed certain
voters modern fans commercial provided constitution dropped brother canadian drive goals
negotiations affairs unit questions significant create bomb warned religious minute figures
victims condition activities upon leaving experience attorney standard proposed intelligence
giving hotel finally magazine whom experts moving quoted baghdad carried feet candidate fifth
highest lake employees sell pacific mostly reason flight square overall design passed focus dlrs
date letter wide effect charged phone figure attempt claims below profit industrial zealand
estimated traditional size practice cars double pass hands professor student concerns refused
sector review homes disease kept terrorism online speech peter culture reform founded ordered
successful arms charles conflict limited material trip property paper threat seeking concern
confirmed plane route completed jewish williams someone hill comment numbers ireland taliban
huge johnson mayor husband mass lines premier soviet cover couple positive complete republicans
mail crime moscow brazil kilometers stand formed seems felt separate amid stadium singapore
speaking hopes leadership emergency declined treatment cabinet tell straight tokyo winner
session serve progress ship projects independence appointed words recorded terrorist christian
politics studies sense plays militants holding regular required lawyer word debt guard wounded
candidates assembly expressed character fuel martin supreme broke ministers everyone actually
equipment additional denied friend features levels approved greater port ethnic status primary
amount ways debate model decades places individual festival previously join insurance goes
impact urged heard placed centre illegal fired indonesia damage responsible message baseball
ties true originally challenge prevent filed captain entire supporters blood territory housing
valley product conservative earnings proposal protection read foundation search names train
discuss perhaps journal raise murder address operating olympics deep settlement simply nearby
relationship cash alone hamas laws target analyst buildings newspapers lack consumer direct
twice self beach zone songs scene communist afternoon units necessary navy quality sound protect
spring missing criminal speed confidence selling beyond software democracy francisco section
matches basis knew suicide resolution calling remaining gone powerful losing account votes
georgia commander euro rising catholic opportunity resources writer awards expect anyone send
active claim suffered alleged alliance host declared injury type planning environment sites
protest drop suggested stories sale headquarters rebel avoid improve consider stars citizens
attended currency generally appeal older vietnam lived seats happened thus incident floor
largely developing approach films mike historic businesses gained tough traffic inflation egypt
telephone moment winter suspected drugs debut fast worst railway arrest mountain store famous
patients championships reserve carry weather thailand greek concerned finish command critical
lebanon channel census houses female seat vehicles spread aimed freedom medal saddam losses
bridge representatives saudi supply cancer turkish writing appear revenue decade receive score
fear securities ability appears crimes retired customers becoming champions gulf gets virginia
corporate introduced academy particular survey easy mainly choice mind hearing reduce directed
replaced native assistant arts seconds crowd complex quite poland entered dutch responsibility
crew fine pounds environmental subject organizations jersey kosovo mean serving cultural seemed
draw yards cuts produce voice degree author watch lawyers legislation collection presence shown
listed critics rejected else rich offers influence ruled governments stations soccer shooting
arafat streets draft evening grew bodies policies afghan editor rival nature strategy girl
jordan happy giant save jackson wing prosecutors identified larger article optional seek bombing
managed sought standing doctors measure earned rural fellow sanctions bought smaller contributed
owner secret carrying prince treaty launch cast highly civilians basketball performed develop
fair interior henry lawmakers prepared malaysia wrong tests widely serb table bureau looked
spokeswoman committed rally supported ambassador spoke ensure towards note kids headed documents
follow bosnia rice super stopped carolina directly initial relief yuan continues earth gives
activity polls louis corruption picture storm backed irish interests refugees defeat islands
initially spot bond embassy agencies swiss request standards estate trust ceremony fully
occurred kingdom shortly iranian accept diplomatic cold signs facilities struck discovered
contact regime airlines youth safe penalty transport follows marriage maybe appearance highway
millions gain poll door threatened wins silver passengers scott rescue lose apparently exports
showing failure increasing talking specific fresh card sixth understand vehicle panel latin
refer items benefits seem partner kill communications broadcast faces protests caught pretty
presented setting driver steve happen capacity stores deaths davis sport prize boost producer
comments goods ford episode decline immediate ending girls bonds climate orders destroyed
awarded provides defeated bosnian brothers roman conducted image accident criticism mary block
heat push agent joseph actions massive structure normal terror warning worldwide advanced
featured advantage convention southeast plants respect positions approval heads farm
pennsylvania bowl ohio meetings prior reasons houston novel ones assets sister extra crash voted
basic slightly recovery assistance steps covered jerusalem studio controlled actor meters
intended linked allowing offensive spend technical euros numerous loans driving certainly
institutions consumers syria opposed effective sweden argentina holds promised hits
representative location entertainment feature advance slow acting individuals audience captured
uses attend clearly faced microsoft mccain queen forest races tony generation pick providing
journalists dozen frank overseas volume federation dispute personnel combat except combined
missile golf doctor package admitted affected extended offices hurt announcement injuries minor
background facing deficit stood fort decide engine artists chris agents civilian meant greece
mexican represented waiting offering organized increasingly cell effects helping accepted
seasons executives fish scale boys solution none prisoners approximately banking taxes visited
artist missed unless convicted philippines agree strip parliamentary tennis voting notes
attacked adds scoring looks simple musical foot digital gains characters scientists stone miami
reduced raising steel benefit cricket powers promote variety opinion fears answer internal task
massachusetts liberal guilty strength possibility materials determined onto christmas jack
adopted gore physical page reading allies maintain accounts partners direction cuba buying
trouble mixed allegations xinhua knows speak leaves philadelphia defence arizona divided
shanghai innings congressional willing dozens edge windows firms senator miss completely pope
farmers upper plot putting sexual regions relatively singer urban owners library baby
communities northwest finals dark netherlands aids crude neither profits pulled historical
returning theater removed commissioner eyes immigration marketing michigan investigators reforms
plus fought kansas dance suspended racing loan continuing marine heavily transportation junior
funding hear learned permanent grow keeping begins thai demands code believes unable surface
guys legislative supplies serbs split jail hollywood chemical dangerous flights poverty
agriculture distance kennedy rain prominent finding meaning commerce sets weekly nigeria fields
airline visitors switzerland czech stated theory hussein shots therefore singles closing views
broken enter male require coverage squad pakistani suspects falling holiday difference master
focused existing criticized improved ships flying minority decisions lies expansion fighters
rare anniversary medicine stability administrative atlantic hockey blamed blair machine ancient
insisted jose politicians grant piece creating ranked learn detroit lord electric mobile younger
involving check links boat cable alexander marked statistics wild starts honor walk closer
determine stake bottom leads officially classic jean bringing disaster transfer mine argued
closely neighborhood delegation reaching strategic scotland easily pace treasury golden urgent
thinking forms zimbabwe allows jury drew colorado seventh explosion sentence fiscal witnesses
blast metal count ukraine animals clean write contains egyptian expectations seized courts qaida
scientific ends abuse selected attempts handed revealed serbia hoped tech branch replace miller
speaker facility visiting percentage tourism movies lanka brief becomes clubs chen sydney
columbia export surgery dialogue consecutive madrid wait analysis tons municipality referred
tracks moves muslims unemployment soldier engineering provincial towns taylor wind color
alternative knowledge pictures screen edition toll retirement theatre clients pilot berlin
enforcement commitment purchase newly electronic howard woods suspect tied wales avenue abroad
teacher limit balance seriously opponents feeling detained memorial protesters downtown
presidency banned revolution toronto distribution violent picked brand turning reality palace
supporting fashion suit acts roads connection broad interested considering favor mainland severe
sharon acknowledged restaurant empire advertising campus weight seattle website referring
remarks ocean teachers negative doubt granted friendly reportedly pair venture drawn myanmar
forum testing truck stands cutting sentenced shiite quick marks veteran duty mile everybody
daniel users possibly villages northeast democrat anonymity posted titles immigrants sort
studied traded writers corner importance greatest birth industries overnight temple auto polish
reaction perfect sudan establish rome asking allegedly core elements lewis falls express conduct
manufacturing activists constitutional andrew bird unlike researchers forecast electricity
garden indicated austria watching snow pushed elsewhere retail repeatedly suffering invasion
struggle length tree indonesian schedule wilson seeing surprise stephen sharp resistance targets
secure santa photos kenya discussed letters scandal creation delay holy operated sending
corporation typically founder recording whatever wave households brazilian dominated weak dallas
drama animal destruction tourists models edward contracts filled jews favorite rugby extremely
paying hoping memory terrorists treated faith remember shut humanitarian hurricane shared ideas
registered surrounding formal apart factory putin assault eighth defending damaged fled accord
prosecutor fraud southwest maker differences cited virus learning powell entry centers truth
receiving indeed represents proved otherwise delivered wood mountains pieces output pentagon
wearing saint wine chances delivery colombia demanded content diego worse strongly cells scores
milan planes arabia options acquired controversial notable imposed militant expand mount
collapse brian passenger lady swedish judges minnesota begun exactly compete membership
electoral purpose multiple computers changing agenda satellite resort chosen flag naval passing
trim peaceful academic trees networks path norway defensive telling motor returns politician
opportunities prove text religion primarily opera grade serves citing tradition supposed patrick
beating corps comedy understanding yellow kevin settled grown glass philippine croatia strikes
expanded chain file shop agricultural yesterday link dealers invited recognized lebanese
districts causing frequently horse involvement dismissed expects threats bishop display achieve
types represent fleet waters manchester buried document partnership illinois guns estimates
initiative updates bills actress category crucial driven concluded dream values giants abbas
pain bilateral relatives yeltsin iron neighboring ultimately applied netanyahu sons bell
programme coup nationwide bangladesh laden turns expensive legislature breaking hole contained
cards enemy appeals ring yugoslavia kerry pull signing tower option expert herself portion deals
competitive spirit laid winners gathered bombings stressed unknown contest infrastructure
manhattan phase brain proposals exercise behavior labour worried antonio maximum principal
tehran requires escape tells aside monetary belgium alive reference recession publicly flow salt
flat theme khan concept statements borders widespread township unlikely stronger sitting
apartment respectively employment challenges occupied predicted identity pledged unique label
choose pointed portugal shopping israelis athletes hair confident rivals welfare degrees
achieved equal benchmark household withdrawal remove walked shape concert appearances rocket
lawsuit circuit survived reporter emerging discussions mentioned bronze bear mutual factor
struggling venezuela wake solid danger motion increases hired writes ninth milosevic hills
platform images resume dole transferred alongside drivers resulted matters diplomats yankees
castle references median hundred futures nice vast bombs municipal rail rangers coal islam
hospitals participate camps regulations imports pitch chart carlos explained representing
investments aviation jump casualties profile sees exhibition trained bigger payments
subsequently peak clashes earthquake photo crown tensions victim morgan thanks producing
journalist wang maintained wars temporary deadly perform helicopter formerly watched function
vision resigned hitting skills welcome mohammed classes reputation limits producers kuwait
recalled fame obtained guards emerged establishment causes unions referendum catch stayed
fishing inches latter purchased fewer performances nomination impossible teaching liberation
merger tight tobacco carter attempted traders abandoned missiles medium drove controversy allen
operate lowest sugar resolve grounds affect chamber aware directors hezbollah orange ongoing
juan disney agreements responded roughly envoy biography adviser ahmed economist palm harry pool
unusual elizabeth worker ranking inspired patient mining rating contemporary defend boeing
moderate deadline tank instance jets column visits reporting dedicated recovered advice method
joining arrival connected dean striker anderson signal practices application shift restrictions
testimony jeff touch males christopher shareholders promoted pushing myself covers organisation
athens alan kashmir papers failing device clark featuring recognition maria preparing
broadcasting jazz trillion birds fallen threw trend gross literature nobody apple tiny assigned
discussion colleagues provinces prepare counter romania roll gordon iowa healthy monthly
experienced applications minimum warner contrast adult blow ticket trains rooms unity eric
consists taught entering cleveland reserves stable promise dinner duke harvard raid tries
stepped regarding easier soft heading governing virtually ride risks controls meets bankruptcy
delayed performing resignation scottish yield serbian roles factors engaged gates discovery
equity respond kick parish secondary passes beautiful occupation chavez targeted simon happens
guide participants institution throw barack moon demanding finds sharply repeated contributions
denmark questioned iraqis cook capture syrian extensive lift explain dramatic amendment cuban
insurgents combination angry barrel appropriate seed educational formula observers managing
walls radical obviously denver vowed composed females suggest qualifying guest coffee austin
manufacturers cease capable bases speculation deliver managers wear publication socialist handle
dealing tourist annan owns briefly landing formally gary fixed oldest priority jumped cool
racial window aboard heritage apparent knee extend rounds devices entirely investigating backing
deployed wish scenes estimate complained effectively patrol tamil suggests register familiar
abortion properties interim graduate carrier regularly reduction custody gathering format aged
praised promotion chose talent tested graduated stuff taipei circumstances witness chile rapid
arena desire hosted cyprus seoul fighter prompted ryan remote aggressive apply trail usual solo
normally unchanged false tropical walking masters creek methods formation compensation anthony
crossing camera outstanding resulting tennessee contain sensitive significantly concrete
sponsored neighbors partly warm stewart articles oklahoma fees surprised collected delegates
quake participation coastal identify nelson sharing versions monitoring encourage specifically
tiger accounting improving abdullah actual defender communication nominated adults pittsburgh
caribbean portuguese emperor orleans halt peninsula streak globe diplomat ease languages worry
maryland barrels upset strengthen playoff norwegian preliminary successfully trucks improvement
universal origin deeply behalf intense exist pound besides talked phoenix sunni accompanied
mental tribunal qaeda restore probe declaration participated albums troubled delta settle
compromise inning outcome enterprises waste complaints stanley blocked blame ballot copies alert
tickets cargo indiana hero inspectors arsenal distributed publishing survivors aides barcelona
gunmen advisory claiming revenues athletic ally commonly mortgage succeeded savings helps
detention faster substantial transition broader liverpool victoria economics popularity
quarterback veterans singh requirements baltimore underground typical employee winds economists
traveling drawing gang reviews unclear selection scheme churches absence residence resident tens
simpson reception opponent arrive militia congo pilots flood suddenly enjoy flew painting genus
sweet entitled condemned railroad finishing electronics essential regarded notably handling
roger defined attending pages ratings harris desert crashed coaches proper welcomed developments
departure thompson restaurants composite hosts quiet interviews equivalent jason machines
universities beaten cape external locations editorial plastic kelly kurdish narrow string nepal
inter robinson designated andy bound prosecution boss moore covering revolutionary occur
gasoline margin extension tampa judicial lieutenant telecommunications somewhat editors
comprehensive offense tigers makers supports constructed kabul humans alex parent opposite
existence magic funeral chechnya steady couples sciences landed lifted missouri connecticut meat
recognize encouraged opens firing midfielder charter ranks annually competing finland refugee
indians musharraf subsequent guitar fill employed skin actors extreme withdraw documentary
please rapidly haiti larry collapsed teen calm tanks louisiana financing chair density principle
chancellor earn gray license noting outbreak informed episodes chelsea promoting architecture
reducing chip inquiry mention jakarta killings hungary feels duties threatening trials fate
packed arthur programming ages dogs principles soil brussels oregon ranging recommended
protected centuries hotels guerrillas converted associate slowly edwards qualified mistake
philip presidents doors quit customs commonwealth politically atmosphere rockets playoffs donald
allied metropolitan containing gallery senators mosque badly kentucky walker shell emotional
empty pursue semi chapter chirac description adam hang nazi journey successor vladimir monitor
starring definitely smoke delhi engineer seeded citizen foreigners competed homeland somalia
anger kings renewed shops shoulder toyota correct walter fiction yugoslav replacement convinced
hamilton absolutely counties technologies swimming ownership bruce danish founding helicopters
tribal dates installed surrounded investigate upcoming messages manner enjoyed settlements
survive implementation economies viewers hunt hostage temperature territories tend compound
oscar rush jesus albanian notice consequences campaigns brings incidents clothes interesting
tomorrow routes boats hostages douglas disputed parks austrian dave moral circle zero extent
longtime ordinary argument montreal francs rarely standings investigations triple alcohol guests
relative stages comfortable medals guarantee weapon malaysian confirm saved belgrade moments
matt burned puerto philosophy detailed clash cemetery mississippi appointment asean forcing
holes findings uganda rivers roof rank vital counterpart frequent infantry jerry atomic persons
benjamin peru creative announce artillery belgian roots acquisition turnover sounds prospects
orchestra bloc promises plenty client gene suspension struggled utah shoot courses planet
outlook error charity vienna requested traveled rated singing uranium operates regiment examples
lincoln arrests sparked campbell trophy reconstruction abdul cambodia innocent elite freed argue
reflect thousand murray alabama pact shore cycle consumption adams consensus bright gift graham
payment divisions stress purposes carbon feed fruit ross broadway explosives sectors tape
drinking loved stretch aide hampshire ward potentially shock lunch engines wisconsin literary
crackdown birthday dick affair climbed wealth jacques cairo mouth nasa holdings negotiating
chiefs spoken viewed ontario feared salary milk beer melbourne prix passage petroleum soul
expanding laboratory customer conservatives constant attitude phil assessment sessions defended
runner thinks peacekeeping missions barry situated metres geneva renamed manage mines chase
geography clothing keeps lane orthodox seeks nasdaq residential realize wage blocks
assassination contribute doubles rookie lots entrance kilometres luis contribution barely height
morris lands princess files studios conservation traditionally permission designer comic
emissions prospect posts darfur disappointed counsel castro momentum busy classical procedures
victories headlines colonial afford legacy franchise illness fifa quarters celebrated wright
depression techniques foster bands capitol invest assist beauty wonder regulation surge proud
tackle spiritual dennis athletics titled sleep proof quotes sustained chicken faculty croatian
russell mitchell francis colonel exchanges acres recover influential amounts hispanic violations
blues priest tools executed takeover wedding treat daughters exploded engineers albert carl
escaped vegas vatican peacekeepers tension submitted pyongyang beef considerable investor
functions stem introduction excellent brigade bangkok pending depending aims anybody restored
activist fail funded categories difficulties exit negotiate google verdict conversation plate
totally evil cent canal harder diseases succeed eligible taste smoking legs somebody maintenance
studying symbol attracted counts attached flowers tonight lakers bars nigerian biological
intention riding pension movements luxury educated obvious possession puts mandate lists stick
aspects cleared rear wells accusations temperatures steven attributed overcome summary execution
aired crossed storage volunteers russians shuttle obtain staged ncaa organizers businessman
libya hunting brooklyn framework vessel punishment smart worldsources blacks balls baker qualify
belief solve gradually imperial tall tone wildlife fundamental squadron twenty lawrence settlers
wayne modest rwanda jimmy forget thrown longest rodriguez marines sentiment roberts describe
pattern demonstrators bomber urging burning slipped auction thin occasionally nick sick
separatist graf perry goalkeeper conclusion nobel indicate buyers stance facts attract coaching
architect employers exposed objects complaint sony grave bitter eliminated acted insurgency
commentary bears describes ousted lights gate jiang burns tunnel striking bulgaria sovereignty
oxford elderly copy pipeline critic eating destroy inner rick publisher bench structures chechen
channels ballots sarajevo rolling hillary manila twin isolated vietnamese merely operator
enormous wealthy competitors demonstrations paintings hidden argentine fastest throwing fairly
shipping arriving transit fires appealed cruise tibet pollution impressive revised breaks
kidnapped buses lasted nevertheless resign surplus poetry friendship observed subsidiary
infected anne anywhere exile terry vulnerable neck hardly harbor slam stroke utility kinds
object intervention realized detail drink alaska painted polling deployment triggered print
costa battles grass unrest torture celebration photographs warren swept parking chrysler greg
amateur departments dodgers optimistic suburb attorneys dress prevention implement barbara
valuable regard conspiracy midnight unprecedented cooperate advocates bloody consultant dawn
craig asks violation scholars essentially assumed afraid motors angels sierra childhood carries
lineup refers approve tragedy publications processing resumed generated personally regulators
repair complicated pleaded elect fred discrimination bass mohammad opec celebrate medicare
guinea import ukrainian searching garcia rape zhang marshall vessels rebounds wings useful
staying canceled truly authorized touchdown stolen boom solar pitcher context terminal colin
attacking extraordinary munich unfortunately colony corn recall cheney musicians commanders
reagan addressed detainees suggesting sisters impose cameras depth element asset worries lying
superior trips definition trafficking suffer branches harm conflicts influenced mounted spots
procedure legend carefully scientist promising yard colleges nationalist exposure amnesty
fernando karzai sarkozy matthew lending jailed fatah phones readers subjects expression authors
imagine pleased strait disputes billy copyright automatic preparation arkansas commissioned
buffalo testified sporting cathedral saving trapped solutions visible resolved cambridge parade
genocide instruments elementary piano efficient bobby mets equipped protein raids landmark
sufficient northeastern poet reconciliation horses mugabe components chips cincinnati mainstream
oppose germans northwestern jonathan associates user wimbledon thirds forests wooden separated
shed rushed consistent happening footballer approached susan cattle telecom knight strict
battalion sections releases wire knowing boxing practical samuel vancouver dominant protecting
electrical mubarak colombian uefa wireless inhabitants carriers demonstration sarah specialist
wheel mediterranean dating concerning sight penalties handful torn update ceasefire yasser
eliminate rises routine mall restructuring enterprise surveillance troop conventional killer
withdrew arranged landscape expenses devoted christ truce kitchen homer relevant encouraging
questioning regulatory massacre likes warming tours mistakes jane progressive wrestling clay
pledge relationships swing pole pride listen billions greatly turner classified disappeared
conviction provisions tool credited challenged participating exception oakland personality
pitched continent maintaining reflected airports thick appearing stakes fierce shah southeastern
lyrics dressed composer involves requests yourself autonomous reverse villa norman frame
preferred ethiopia continental insists robin mill clock charlie bernard waves occasion venue
defendants policemen integration guidelines arguments erupted rough wickets arguing christians
marathon victor contacts legitimate factories attempting convoy technique inspection situations
symptoms risen properly ferry folk foods derby achievement demonstrated preserve dropping
cooking armstrong semifinals invitation prevented guess hindu switch manufacturer stuck yang
pierre mood prisoner franklin operational experiences necessarily dynasty focusing maine
ourselves karl gotten replacing feelings adopt establishing todd grace bombers wore proceedings
temporarily anna indies tactics knocked kills provision uniform attractive historian judgment
lucky closure wider consulting sudanese donors interviewed credits prayer quebec hearings belt
tribute straits produces asylum farms metro earl plunged pirates muhammad designs liberty dublin
wages equally operators visual shirt collins ignored checks generate factions dubai forming
lynch legislators transmission audio sudden hawaii cowboys parker cheap flooding ivory mohamed
tribe ultimate illegally mechanism shelter stops shoes loose guerrilla eggs occurs loyal sars
elaborate eager portland gonzalez copper nervous veto uprising currencies implemented earliest
repeat bags uncertainty suburban uncle sole enemies billboard signals surrender pack exact marc
cream stones boris evans sand privately secured explosive makeup celebrity fortune incorporated
nights chaos siege virgin collective frozen versus twelve airways crack ronald videos strange
universe diamond arrangements hiding retailers donations delays gaining gingrich voiced collect
pressed followers sheikh basically martinez wonderful kremlin omar qatar hunter sentences
nominee regardless damages listing patriots determination rico brands stream coordinator smooth
cotton colors rocks bone deny displaced donated script enron declining retain autonomy silence
understood accusing angel derived objective reiterated productions separately denies visa strain
chang dying turmoil perspective wheat corporations projected bradley clinical criminals
restoration tired boycott enhance youngest commit belarus arrangement birmingham inmates
violated assists graphics hostile orlando involve describing closest reveal batting reasonable
hate permit remarkable shall johnny predecessor taiwanese virtual mills explanation artistic
teach adjacent depends challenging assured replied survival warnings magazines locked milwaukee
samples intellectual georgian paint privacy kicked flags respected subsidies advised handled
desperate morocco answers graphic ethics hungarian expecting efficiency arabs silent evacuated
gardens murphy goldman referee considers frankfurt portfolio vacation requiring everywhere bail
transactions lifetime habitat mideast crops advisers macedonia consideration angola tale bonus
charlotte mystery comeback breast introduce southwestern volunteer voter drafted warrant nancy
nationals recommendations dancing radar accidents retained gender doubled conducting springs
algeria ridge extremists dies indication parallel ratio freeze difficulty trails imported osama
pete blew briefing sheriff gear casino travelers strongest engage postponed teammates deutsche
enable memories yemen marie plain giuliani disappointing anyway exclusive charts mahmoud harsh
crop attendance severely launching awareness disabled lopez infection tanzania riot recordings
berlusconi periods reaches forever pesos earning rallied disclosed integrated villagers multi
rebound intel therapy root invested completion intent margaret grants cohen occasions persuade
odds rumsfeld favored cocaine satisfied burden connections comparison manuel emphasis filing
stanford governors timing funny reflects chapel palestine distinguished professionals
improvements homeless arabic constituency revenge islamabad announcing partial rebellion
internationally petersburg reign lakes exists airbus bible hassan pink indictment errors
integrity choices deputies expedition reluctant zones aftermath cardinals destination displayed
assume pregnant lessons terrible boards opener sean sprint component examination embargo novels
divorce bryant generations holocaust teammate peoples seeds guantanamo somewhere vocal nevada
unveiled similarly lions tommy inspector acquire phillips vaccine bridges hughes crowds floods
pulling neighbor turnout keith clinic thank merged fatal sustainable steam luck chemicals
powered dreams territorial lawsuits notion rubber lifting passion kidnapping peres anticipated
beirut doubts revival liked flows footage loaded select crazy bloomberg romanian stimulus
incumbent outdoor slovakia neighborhoods discipline olmert substitute musician cousin addressing
maintains judiciary restricted diet citizenship powder mandela tenure printed careful committees
psychological ecuador composition indicates hell grain kent nicholas genetic desk smuggling
counted albanians sing heights devastating targeting honda relay monument ports sweeping raises
muscle shocked rogers discussing belonging pressing ambitious miners humanity diana afterwards
drought dayton abuses blind boxes iaea tears sells rely calendar immigrant nicolas hanging
doping advocate protocol significance actively newcastle backs competitions endorsed shadow
themes jointly concentration exploration jihad forecasts hometown counterparts nixon indicted
slide wounds translated ideal finnish suspicion collaboration accurate surged reid crowded
sealed gather indigenous praise measured sequence hide consisted edged mode remembered vincent
confrontation climb convince anymore slowdown preparations albania priests surviving initiatives
counting pearl persian shield furniture hung substance volatile columnist somali arrives
uncertain expense cooper federer firefighters pure overs battery acid prefer sang pointing
organizing legally dealt holidays random ranch boosted stalled barred ibrahim breakthrough
dealer farming farmer frontier credibility amazing maritime cardinal tsunami receiver refusing
chest tournaments surprising existed tear archbishop faction extending physics lined refusal
debts explosions mcdonald starter cheese gambling suits recovering lawmaker offshore
historically tougher hire diverse protestant marking explains administrator buddhist audiences
permitted tribes admission pitching constantly silva rescued arnold lasting laura collections
stern moreover mounting honors barrier urge exhibit boundaries negotiated neighbouring urges
undated mothers athlete minds subway eagle removal plea frederick eagles curb touched romantic
belonged fantasy optimism affiliated confirmation correspondent merrill civic bullet hunger
excited cautious hiring hudson voices kenyan representation sample overtime evolution zambia
reed wound modified exercises bearing bread wicket seal jordanian neutral rumors interfax riots
madison afterward statue preventing negotiators skating schroeder portrayed richardson timor
concerts balanced rifle resource latino reviewed bull dramatically beneath ahmad yields
contested requirement reject paulo pepper contacted proven eddie ahmadinejad bachelor danny sadr
defeating diocese rocky literally drives commitments disarmament rolled emirates murdered indoor
demonstrate dubbed slight weaker declare signature europeans ammunition borough starred pursuit
sophisticated weakness nose experiment kenneth craft depend bulls topics consisting bishops
retire deemed crews barak valued offset saints inspections retreat jennifer hearts answered
nonetheless chad openly dprk initiated brutal disc tremendous registration breakfast
institutional speakers wallace shortage hailed horror triumph dated encounter cinema picking
cycling mario patent azerbaijan partially investigated unexpected surname spreading petition
achievements contributing suburbs debris islamist heating elder rebuild haven sanchez bulk ivan
secular sits lifestyle unidentified populations slovenia abandon spin forth stationed sweep
nikkei eleven roster butler portrait frustrated liquid waited towers decides noticed adventure
refuge cole fence mixture rent opposing junta tibetan speaks concessions fault noise updated
murders impressed brick enrichment panama journalism premium bowling ucla rains deciding examine
junction touring watson rays leftist publicity shaped shrine honest confusion translation stuart
purchases gifts nebraska slump submarine consistently flown animated patterns perceived aging
threaten budgets flee holder discount medieval physician scholar monitors stevens smile comics
sheet pursuing businessmen processes amsterdam panic awaiting adapted wounding segment sank
painter experimental cult sponsor deposits transaction instrument guaranteed jamaica distinct
solidarity blasts governmental receives salaries whereas nationally televised scattered tonnes
obligations agrees strategies dependent listening absolute guarantees postal clarke unfair
styles ankle leagues grandfather runners presents volumes origins damascus pocket shirts heroes
crystal demographics celebrations explore hardware michel aviv ghana reactor scope somehow welsh
stopping motivated placing flash proceed accepting merchant fails tense deeper prestigious
automobile comfort oliver strengthening ralph topped millennium inaugural jurors hopefully lloyd
slip humor jurisdiction prompting painful quarterly locally prosperity diplomacy cypriot dust
argues istanbul denounced ounce koreans pedro braves capita troubles approaches filmed lightning
comply folks mars publish emerge cheaper overwhelming insist sponsors cloud extradition
researcher supporter chocolate thaksin nonprofit ferguson sacramento dominican posed conversion
spectacular kazakhstan spell quarterfinals riders flames alfred cameron responding jefferson
boundary twins stating downturn bailout submit worn herald ottawa dirty raymond traditions
guidance belongs hague honored katrina organic keen avoided topic harrison interstate warfare
phrase belong presentation lankan burn intensive noon andre lock manages martial aaron reliable
richmond legendary draws wolf burst sued miguel photographer advances cups celtic
responsibilities grows discover girlfriend mart conceded halted whenever rallies witnessed
babies till predict clan hopeful taxpayers acceptable mechanical sorry wrapped stronghold
nursing bankers admit surveyed excessive accomplished brad fever remainder completing venezuelan
characteristics database columbus blocking domain spare catholics exciting willingness assisted
planted endangered incentives watchdog chronicle slowed seng controlling campaigning battling
diesel engagement mate queensland glenn bullets voivodeship edited overhaul predominantly
impression load favorable indianapolis phenomenon barriers examined bones supervision tyson
opinions aspect instructions cope frequency neil automatically expelled quest sacred decisive
doug linking shifted coordination ariel aziz fake symphony pioneer physically reflecting
diversity magnitude lobbying runway chemistry thirty sized cruz marched lobby frustration fisher
broker consortium pressures chan licensed scholarship adequate montenegro standoff circulation
fictional commune hans copenhagen armored refuse technological sullivan adoption identification
negotiator decree syndrome butter sung honorary mirror recalls testify ethiopian criteria
inspiration kuala brooks arroyo roma finger seemingly favour ceiling radiation organ connect
montana hence defenders collecting hull troy duncan premiere walks soared injuring manufactured
communists trainer soundtrack dictator rankings adjusted weakened foul dual flower stockholm
characterized observer ballet firmly mathematics lifts interpretation slowing creates
resolutions machinery roberto brilliant inch leeds naturally syndicate thoughts lisa trends
cement undermine baptist pays basin warsaw paramilitary indicating theft hitler compiled cave
lithuania toys focuses bennett letting developers supplied additionally prague lesser descent
lesson switched cleric occasional advancing roadside kofi bulgarian guided bidding distant mini
excess cubic nashville mere fleeing levy grey blake trio combine confused hosting epidemic
divide sergei autumn minorities shareholder mumbai defendant speeches reward swift shake
certified yahoo yale purchasing assess organised contrary greenspan liberia experiments gmina
travels honour hike suspend albright genre drilling wise hebron strategist reserved exclusively
maliki trigger steep sacrifice coat bayern lyon dakota pose detective spotted marry vocals
disorder providers innovation eventual outer removing merkel widow unsuccessful rabin releasing
pharmaceutical separation guitarist revive lion utilities screening rushing loud capabilities
rebuilding voluntary costly sends guardian brokerage nascar highlights renowned poem bottle
baron quietly leonard schwarzenegger acceptance lumpur simultaneously identical priorities depot
hospitalized contractors bolivia fights accounted queens heavyweight wishes rouge devil bold
bahrain headline emphasized greenhouse artificial underway tracking cancelled lama lone justin
disappointment montgomery governance mild hectares explaining fragile pronounced courage tasks
monica oxygen relation steadily preserved mortar structural warriors cooperative finances array
profitable oslo imprisoned soaring roosevelt loves respective regret deck succession monastery
attackers decrease freshman plaza oversight throne sworn hamid challenger youths intends
oriented partisan unacceptable shells linda rwandan rider toured suggestions fare kurds apec
caps fitness retiring refuses rifles scenario item tail chambers withdrawn hugo vermont
borrowing admiral suspicious robust conversations scrutiny storms basque impoverished nurse
investing romney coached organisations leone photography unbeaten marijuana threatens jeffrey
chuck courtroom noble provider compliance saves damaging underlying transformed prayers estonia
rings capability extremist tribune statistical violating banner corrupt layer poorly spill
rafael horn teeth financed amongst upgrade rehabilitation debuted uruguay secrets warns sleeping
fined knicks declines peaked backup organize climbing bristol accommodate packages policeman
jobless meal heaven continuous jumping destroying nominations subscribers approaching maps
edinburgh blown trader historians beats koizumi surveys dynamic psychology gregory notorious
lengthy concentrate centered diving lowered hamburg informal sauce accessible burma valencia
luxembourg concentrated venues bruins thereafter proliferation mercury evacuation ceremonies
bolton toxic button recruited perez slower ought instrumental talented gallon collision trick
alberto mansion advocacy devastated vegetables congressman premiership instant nets define
qualifier holland ankara illustrated proceeds tariffs permits catherine municipalities plagued
pickup sovereign advisor feeding interference olive specialists highlighted fueled pump
freestyle reader strictly orbit acknowledge lucrative cafe employer worlds bhutto karadzic
checked harvest circles disclose expertise broadcasts directions gauge outskirts bali tune
stored robertson suggestion harper priced charging mandatory juice leon gunfire pursued manual
abdel coca commons donor nowhere seize museums specialized outlets publishers delivering
semifinal rabbi leather reds hybrid shorter intensity randy perfectly drops cigarette mason taxi
warn greens editions admits whilst safely performers casting halftime berkeley easing throws
whites convert vary salvador atop slalom matched valid connecting touchdowns ingredients
architectural displays grades guatemala associations burundi pierce shipments abbey glory poems
commodity macao colored perception forgotten enthusiasm span delaware accordance aristide
designers marcus worship juventus sidelines propaganda inevitable prisons grabbed printing
militias tips eased averaged lehman michelle benedict baht stepping suitable surprisingly
achieving bedroom detected underwent rhetoric poultry greeted alice interactive automaker
anonymous generals cambodian wanting bryan beliefs textile forbes fiji successive expressing
aggression glasgow bolster owen anchor highways evolved kilograms conferences karen casey birdie
developer railways ministerial boosting aires croat populated midday recommendation lung santos
apartments binding teenage meter sailing choosing commented logo ignore bailey wisdom buenos
residing ruler flooded assembled tissue opposes theaters chess palmer symbolic shortages filling
declaring provisional theories narrowly spectrum accuses adaptation libyan stamp tales unified
lighting harold locals protested chilean teenager ottoman recruiting breakaway nairobi dame
breeding skiing jorge searched romance gangs picks battered sexually alarm reynolds buchanan
evident struggles commodities knife dining latvia motorcycle helen classification karachi breach
imprisonment cultures tables independently eurozone santiago passport outgoing invaded
disclosure penn genuine recipe loses stunning freely affecting housed considerably shenzhen
acute administered licenses thomson ensuring graves hart robbery fishermen colleague chronic
excluding clearing highlight measuring strengthened sculpture harvey dish criticised enforce
nerve apology serial sultan fines starr erected mysterious gibson dominate filming chairs shook
mentally drag cubs christianity rhythm realistic raiders ramallah sectarian contingent
attraction transformation migration huang sailors tang abraham hurricanes luke laugh drums
sheffield burton hitter insisting shaw compact dalai stripped chef spotlight zaire ladies grams
departed facilitate soap mercedes agassi oval sometime checking meals timetable treating jacob
bunch cleaning evaluation angela dirt ventures franco observation relating jesse pine myers
graduating drinks contracted harassment graduation airplane joke guangdong kandahar jamie
freight enhanced crushed ramos sampras surely labels cartoon mature solely lease devils tube
heroin rubin retaliation genes sheep sounded slammed justices usage appreciate javier tender
altitude celebrating abducted telegram volleyball installation strained equality assad glad
caution dragon surrendered memphis straw nickname bacteria grandmother ruins sailed candidacy
skill festivals imminent joan cavalry monopoly spaces salmon diagnosed contention burial venus
celtics productivity platforms programmes shouted ferrari holders shipped pastor ruth dragged
debates uzbekistan nova ghost enters naming intend complain rebuilt brokers custom bids canyon
regain enclave embrace archives incredible filipino tragic moslem medvedev societies trademark
immune wheels martha automakers precise implementing java math retailer stomach gilbert plates
physicians inherited decorated pence slot rica anxiety implications rolls inventory namely
shakespeare bargain grip meantime routinely downhill mitsubishi distinction schumacher
intentions ordering reveals inventories poised tide knock lacked bottles exporters isolation
totaled anwar skeptical impeachment leaf altogether automotive weighed spurs pairs substantially
objections viktor shattered flexibility sandy celebrities slaves migrants slave prescription
monster antitrust appreciation floors keys loyalty suppliers entity monks jungle keeper
wholesale commanded cellular henderson careers prohibited gesture originated sharif demolished
grid stunned innovative resist dale obstacles recommend everyday merit wartime ailing racism
spencer generating accords beside immunity ambitions ellis wade lieberman preservation mess
sacked algerian chains fearing trades africans precious scorer mouse extends coordinated arctic
proclaimed scandals lodge rejects aceh exchanged margins angle aerospace aiming hebrew consent
brent householder holmes transmitted inauguration epic nurses reviewing cola exceed divorced
proportion fifteen grenade cautioned serie amendments garage travelling kabila congregation
lucas kate dell floating slobodan quartet superintendent surgeon armenian appealing alternate
conclude strokes biology pork objectives nadal nazis blog pale pipe purple majors cancel hugh
permanently poorest emotions logic tomb potter writethru curtis commanding influences alberta
amounted angered compilation lenders stir iceland justify commercials basement rupiah losers
animation credible wellington fiber furthermore reactions separatists outrage unusually sinn
tapes competitor courthouse hungry deliberately albany graduates rescuers failures renaissance
pradesh bike joins nissan espn pledges grandson victorian clouds bout pilgrims instruction
spectators cigarettes coins haitian multinational survivor ringgit carroll screens broncos
reversed ministries walt hood rejection baltic tass obligation midwest issuing flowing gabriel
scared clerk enrolled generous drum heated hedge cabin josh lottery posting quoting plains bath
mahathir resumption niger manning companion hammer mineral americas columns australians gospel
elimination cats encountered repairs deserve sachs nicole visitor invented julia risky dome
herbert endorsement duck ehud adventures lethal putt contend jeremy oversee recreation livestock
barnes panels fernandez hernandez elevation anthrax intensified singers elevated pleasure
cameroon fifty dairy acquisitions coxnet baseman imposing addresses deposit intact introducing
honduras blockade fingers portions slain unnamed countryside uniforms shifting calculated
comprises workshop trailing mikhail precisely revolt sympathy accuse davies accompanying
infections recognised marco rotation wives fidel servants anaheim diabetes transitional trace
hewitt decreased setback timothy steal absent hutu oral colombo punch johannesburg healthcare
photograph consultations sino undergo kiss idaho terrain punished rubble safer codes auckland
khartoum slated princeton laurent reservoir belfast crawford fantastic coordinate reductions
buyer treatments alike matching flexible thereby minneapolis joel icon itar dignity naked stays
norfolk trinidad brady khmer reads unhappy yorkshire minimal lance timber writings dispatched
rahman carol enjoying wines suharto intersection fulfill patrols intervene hook rivalry mourning
walsh install possibilities grandchildren hardline disasters exceeded wrongdoing nathan tenth
gerald mozambique deer julie cake plunge assignment pitches protective kenny stranded jong
enacted sinking extensively blaze legislator cartel distinctive lisbon insurers andrews janet
engaging mariners beaches apartheid tolerance destinations teens hardest header secretly
comparable dissolved aggressively laying contractor unemployed certificate endemic teenagers
moody hopkins leak punish tires financially derek sooner basket highs nephew grab deficits
architects bipartisan unofficial rental unanimously nearest enabled corresponding confront
reservations recasts favors premiered chorus memo audit pregnancy spirits minus altered booming
persistent creditors laser postseason gunman contents dangers securing affiliate stormed ugandan
scout productive swap faithful boulevard armenia reopened avoiding fischer aggregate revived
landslide rand narrative advantages documented eldest persuaded directing sanders raced
indicators supplier paraguay choir statute metals grenades hariri christie showdown variations
clashed input insurgent ashes patience ultra responses banning server capped oversees liability
raided classroom drummer venice recipient outright conventions spark armies atrocities bats
sellers florence boxer abused ugly poles poured reacted designation bowler curriculum tunisia
abilities practiced profession sterling default dioxide fein viewing nominees newton shootings
mbeki breakdown heightened rhode cure disk easter sheets rupees broadcaster visas jewelry woes
afghans differently undergoing arch wary delicate downs midway employs monitored stealing slim
outlined lacks heir refinery statesman breathing descendants travelled rulers eliminating
seniors darkness presenting birdies figured relieved winston seminar peso ronaldo technically
economically miracle supervisor spends kohl deploy geographic exporting menu brisbane linebacker
slavery pants manufacture tally delegate snapped semiconductor haul loop havana lacking ceased
tier symbols mogadishu scare maurice liberals clause investigator qualification excuse forty
aerial react ranges minded conclusions echoed willie catching balkans overturned flour relaxed
tumbled alpine transform spur doctrine toss ltte warehouse denying sharks moth gaming settling
solved dolphins communicate astronauts soup patriotic lets transparency colour texts centres
critically pupils anxious senegal renault sentencing slid protesting glen pitchers believing
boyfriend laps staging airstrikes weekends flavor bombay laundering transported decent infant
bombed grove lightly overview agreeing applying silicon reno batsman presumably locker reminded
sergeant adelaide instability riley compare confederation justified shame felix varied
prefecture monaco intelligent rounded rodham platinum teaches trinity liberties solomon tends
tent romanized leaning container effectiveness respiratory relocated garbage caucus pray suite
webb condoleezza unpopular alternatives exhibitions bronx facebook typhoon upbeat uncovered
thanksgiving examining satellites dissidents specify inland overhead tortured shane alien
stretched closes kyoto launches ensemble peruvian morales batteries ritual sheik alter helpful
confessed crush statewide carlo halfway breath detect download andrea skipper sanctuary assuming
magnetic interrupted youtube paramount ripped solana creator summoned bore enjoys snap warplanes
ethical fluid mortgages aluminum limiting medalist idol affordable viable interpreted marseille
julian expired pricing violate asserted punk yankee specialty checkpoint embraced rocked stole
likud foundations offerings jacket gases galaxy tanker notre harmony upheld alumni reactors
lover mountainous mafia traces stark conscious drill seasonal richards beans gloria bogey
governed butterfly swine raul amazon lazio inadequate dressing adrian bicycle tactical bloodshed
lords handing litigation sequel singled skilled founders computing peacefully concepts awaited
restoring shootout beckham affects harbour palin depicted archaeological dishes stiff recruit
unilateral finale citigroup comprising thirteen dried midst honours smallest grammy dividend
breed payroll conductor lynn crashes excluded libraries shelters flies calories confined racist
farc segments favourite elvis brett emotion kiev hilton lima dismissal barracks ryder
exceptional allan recipients wagner incentive firearms trans runoff plaintiffs liver confronted
corridor davenport cluster layoffs sustain zagreb tracy boarding meyer fixing carved podium
battled chasing cliff supermarket juvenile overwhelmingly intermediate delighted navigation
malcolm medicaid accountability searches privatization compelling diameter sorts corners
entities crosses identifying deported resisted alpha cyclone zurich coleman spacecraft grocery
confederate airborne volcano klein marriages twist owed trash peer labeled dancers schemes
lately roddick richest upgraded horizon benefited prizes contender beverly varieties merchants
ellen laos beds tying relegated proposition observe determining banker basra satisfaction
capitals italians availability donation shoe appoint seas worthy theatrical bans ducks
convincing hawks dear prone unfortunate telegraph instructed peterson winger dhaka disarm oath
complaining sticking fallujah allocated metric innocence igor explorer recipes candy adjust
commissions dissident islanders attribution negotiation heels excellence torch fruits shoulders
quote moroccan fitted consolidated ransom summers distribute organs silk restraint amman
profound eugene kuwaiti consciousness mercantile sword divine homers respondents guarded
acquitted marketplace turks prolonged fathers seminary unnecessary smashed opted bare shifts
philippe clinics consequence serena flagship undertaken croats renew portsmouth plotting
hemisphere mongolia laboratories piracy chaired understands balkan reply medicines exiled
embassies iranians rachel betting guild exploring disastrous dumped bias rainfall overthrow
accelerate dictatorship revealing equation gandhi speeds wilderness greene disposal trailer
bonuses newman swim incoming biden arlington yemeni charitable ramirez subcommittee chat
shoppers socialists ismail jokes floyd propose yeah constructive circus doha weighted
arbitration speedway dancer marion announces sail mccarthy committing crises clergy porter
lewinsky supposedly trustees peers spite electorate turf marcos kirk manor bruno ambassadors
everton burke tottenham consolidation licensing sichuan interaction investigative penny calgary
colonies condemn steering smiling crying ricardo trap ricky undergraduate memorable meaningful
spike assure partnerships vertical communism grozny administrators satisfy relegation pataki
tops blasted shelling dominance sake kidney disrupt bubble attracting shiites tire complications
chartered reunion deng escort attractions briefed drawings battlefield upward relied cannon
pleasant vows edmonton vacant morrison compounds attitudes nightmare parked missionary coke
invite loving farther facto newport boots merchandise kurt purely deliveries seller
characteristic skies francois prophet enlisted transparent canadians ears drunk tents unanimous
transfers lawn weighing killers bargaining magistrate theology stricken performer contests
reopen newest cholesterol reigning monarchy applies starters famed waving edges insufficient
reminder observatory mask inability overseeing practically desperately moss lesbian washed
leslie ferdinand desired filmmaker confidential axis jackie grateful hamlet evaluate patch
ambush elliott voyage consulate bashir insight wreckage colorful nicknamed hander reinforced
coupled medication turnaround advertisements toppled remembers beloved deserves exported hatred
ideology resorts ravaged bent falcons sprawling interrogation contaminated yearly lunar hinted
contenders habits garrison weigh rotating tyler episcopal executions mechanics stamps patricia
thriller shallow limitations ivanov pullout unite louise roland grim acclaimed reflection
murdoch hayes stupid goalie offenders bethlehem brigades chapters inform absorbed assurances
scrap berth slaughter freezing professors novelist buck panthers unhcr griffin blackburn
locomotives garlic sunshine wrap datafile accuracy kicking posters rage treasure functioning
halls hosni manuscript aung booth betty correction granting gravity lens obtaining leap
geological excitement forbidden workforce frenchman wash chopped felipe lovers consultation
renovation diagnosis hurdles fossil screenplay teaspoon biblical wished zhou edgar sticks
unexpectedly logistics khatami generic nicaragua successes oven behaviour slumped hanoi healing
mighty catcher madonna certification testament workplace goodwill instances durham notified
monarch abolished enrollment tomatoes inclusion networking favorites installations sergio turin
throat reunification academics forthcoming guilt accidentally beings thoroughly oracle booked
employ digit particles blend embarrassing councils catches fitzgerald pond acquiring spelling
cooked regulate pockets curve rockies sebastian deadlock umbrella treasurer fortunes apologized
forge layout stint valentine arrange varying darren lure liquidity punjab finishes propelled
gibbs christine furious depressed fisheries obstacle unaware variable planting respects
vegetable dipped marching brave chung motive tendency incomes bernanke bounced sixteen
instructor parole aided paradise sluggish entrepreneurs scouts borrowed prodi defeats reliance
enthusiastic downward stuttgart cooperating warrior indications shaking promotional newark
barney homeowners overwhelmed judged substances mechanisms casualty probation freeman
nationalists tongue bits resolving defenses likewise merge consequently regained beam dodge bang
imagination stabilize temples lighter methodist yacht perth inappropriate dock fabric ignoring
ambulance wondering institutes ratified collar confiscated nutrition branded screaming oust
enhancing outspoken shouting blank charities reconnaissance grande ulster renewal dismiss
fireworks injection sink clues consist wong sponsorship robot brush pour cherry mediation papua
airing averaging brink leaked forged assassinated jacksonville congolese counseling mosul
hydrogen prepares layers pervez rams guangzhou deserved bend artifacts fujimori fiat disbanded
batted constitute comedian applicants expires cooling lectures signaled whale weakening
subjected showcase weaken curfew carpet disrupted proteins leicester pensions capturing
occurring broadly trent assumption astros tablespoons campaigned berry anglican lemon brokered
exhibits rode bite vacuum wears jenkins masses mentor variation wyoming elephant unspecified
sunny accession subtle marvel fraction vintage smell portraits blowing grammar ming kumar
samsung tightening marble clemens classics erdogan integral evacuate monte kidnappers vendors
disambiguation plateau monk busch kyrgyzstan compensate motivation ashley mathematical
ideological restrict outfit volkswagen recruits solving patterson fold creatures wiped essence
rides prompt poison johnston lott consumed carey orientation eritrea fashioned renewable
premature cardiff disorders grief headquartered unification pizza kicks civilization voluntarily
disturbing proving torres likelihood disappearance estrada pianist jintao bankrupt lecture brass
expectation bribes conceived molecular xinjiang fidelity casual practicing sizes ashcroft drain
convictions newer wherever fares slash mercy fourteen prospective construct bells avalanche
backdrop luther herein jessica finest functional scoreboard contentious siblings gods beatles
gamble accelerated tipped bengal tainted commentator mickey becker kyle carnival namibia
reservation duration franz preference shields pistol elegant brotherhood tucker exhausted
triangle vajpayee environmentalists militiamen memorandum cage provoked exhibited potatoes
deadliest kobe projections regards malta slogan sheer fortress specified indicator commissioners
bypass defining beneficial caroline marsh bordeaux anthem fleming appointments caucasus sodium
strauss kahn malaria salem pablo credentials skull observations colts debated bathroom extinct
snake knights bizarre dana neighbours slogans seekers rampant suffers syracuse rented outlawed
blessing boucher arose matrix billionaire emily inaugurated primaries hunters diary fuels
doctorate guides hingis feat recount habit buddy containers elena estates privilege macedonian
unincorporated ramadan essay forestry curious optical strings forensic qualities coin republics
oman orioles yushchenko streams traffickers alexandria lindsay connects canon umpire norton
cheng threshold sidelined tuition objected ballistic portable entries bundesliga banners flame
indefinitely prototype criticizing whoever patron denial buzz evangelical dealings hostilities
pigs naples batch stems exam speculated fdch ouster tsvangirai salad pile withdrawing collector
okinawa enzyme interface mclaren rivera differ cart songwriter surfaced fletcher touching otto
spying click adopting raped lahore outs farewell blunt jacobs aunt detonated hoffman malawi
catalog archdiocese fugitive pelosi condemnation crunch experiencing thorough tracked supportive
sherman ernest combining exceptions psychiatric laughing madagascar backers locomotive washn
instantly workshops lowering glacier sympathetic intercepted dylan myth applause nationality
hartford boutros exempt philosophical inducted louisville insects personalities mickelson mails
denis retreated flawed systematic donna diane termed precedent beck predicting isaac circular
helsinki detection glasses thanked albeit osaka switching rosa costume relying rejecting prey
carnegie disciplinary numbered warrants cancellation kurdistan poses phillies poisoning relies
positioned gainers borrow exotic editing enabling legitimacy safeguard reformed janeiro tighten
accomplish unconstitutional nash postwar flesh spaniard expulsion clinched placement convenience
suspicions offenses globalization unsuccessfully airfield toughest maple budapest misconduct
verge urgency tightly seizure tung jackets advocated sect dump nintendo trek genius bounce
memoir endorse rendered interfere andreas wrist journals proves welcomes linear hyundai remind
toledo cracked sophomore plantation narcotics photographers outnumbered slopes elbow diamonds
royals conjunction listened traced escalating happiness honey precision quantities gateway
shipment predictions volcanic essex equities mergers specially cartoons nielsen newt cruel
lingering lows endless collegiate implicated promptly prosperous hampered descended herman
verbal readiness terminus steelers imam deportation carpenter influenza jeans religions servant
youngsters occupy populous canberra revision align proximity nest malone nichols shark bleeding
dissent accountable eduardo questionable quantum canton talents nordic roller trailed dose
chiang multimedia disappear zimbabwean suited bribery passports transplant gonzales torre klaus
puck commands accepts mound dense jerome shaken verse milestone foley recreational eyed
fellowship reinforce embattled fraser amir packers porto tunnels andersen govern buys carr
georgetown dumping charm plight expo explicit presided plug bradford recognizes activated seated
para competitiveness deliberate hampton whip confirms demise catastrophe gerhard riyadh wondered
schmidt stimulate peaks nuts regulated identities shin hatch rudolph contends overlooking
hurting uncomfortable awful radioactive churchill irregularities proceeded hsbc formidable
entrepreneur jung moratorium handles stabbed gradual mali lend totaling logical signatures
marred mixing embarked readily bourse websites tackles encounters slashed communique hawk
necessity petty stretching taxpayer resistant quinn persecution owing boot chevrolet stressing
gothic milton drowned complexity disability autobiography zemin hasan entertaining adjustment
slaying pilgrimage quantity quota stan bulletin clippers consultants conflicting premises
disagree masks restart rican wreck trunk knockout cornell enforced surging dong moses rochester
trusted collectors distinguish lpga sayyaf southampton armor airspace destiny thrust patriot
detectives dive anticipation balloon baking feast rift cork shawn waved trauma specializes spray
unrelated remnants johns dixon legion strapped emmy lockheed prosecuted continuously vague beta
richter tore clearance tended mice parma andrei contestants bucks checkpoints prostitution
scotia fits geographical roundup verify adverse pinch heath pandemic looting sandra fallout
lobbyists coordinating bacon slope intimate refrain emergence continuation abstract theodore
harmful atletico squeeze shrinking theological intimidation rebounded lean surgical augusta
dimension passionate foes endured frustrating elders synagogue marshal grounded blessed
accompany sunset springfield glance jake thermal lagos alonso gallons westminster dresses henri
claire artwork affirmative polar hijacked uribe obasanjo enduring mortality unicef teresa
monuments locate finalist rooted reaffirmed sided stretches convened cheered ruined handover
approves tutsi consult bust unlimited explicitly premiums aston escorted organizer leisure
tornado consolidate constituencies mcveigh knees rhodes undisclosed crater marlins shui essays
bride madeleine tentative pumping tariff hussain dynamics scary wolves plots sparking crane
champagne rainbow chanted conscience billed lanes suns strains mavericks probability sensitivity
chin horrible arabian adapt millionaire antarctic boasts espionage lamb concession fielder
giovanni suzuki swiftly jockey disagreement dire ambition legends correctly chickens
conglomerate rapper sore backward acoustic alleging aboriginal harlem scrapped shores providence
flip beth keyboard weird bremen variant prominence carson grill salvage marketed macau mahmud
brunei monroe tajikistan whitman freddie secretariat coral positively finalists settings
superstar minerals supplement sofia outline chased processed galleries osce polled shimon
airplanes appreciated fundamentalist bunker exploit looming tabloid dmitry answering influx
apollo composers smoothly treason specter paths campuses britons reyes dictionary shepherd
hashimoto prop liquor apologize pinochet advertisers irrigation liaison hint conditioning
recurring inhabited theoretical develops exterior fusion varies saga organisers performs whales
costumes infectious preceded yielded psychologist eaten frankly submarines concludes chester
twitter casinos shutdown filmmakers shannon fundraising mann ossetia ceremonial herzegovina
judging countless insider midfield caracas emphasize pools helm ensuing shaky dimensions sliding
commuter maiden hikes preseason proposes bowled superb freedoms bosses worrying lucy comparing
malik mahdi blaming sitcom preston escalation defiance mosques deteriorating skip magical
bombardment processor commenting abduction gbagbo sabah scenic mladic plutonium frost
contributor patriarch vocalist potato owens rooney archipelago isle indirect polo addiction
amended ridiculous earthquakes bordering kingston morale webber timely gomez ecological mexicans
enriched nightclub presumed tapped tactic archive destined forwards encourages canterbury loser
captive auburn donate ordained rovers disagreed wesley trump motorola prints minors emma
underwater makeshift outlet accommodation pardon caretaker infamous quotas brandon promotes
edmund supplying worsening shocking unwilling vicente obscure probable savage destroyer taxation
hijackers ancestors playstation wholly poster muscles collaborated fried definitive zhao joyce
broadcasters mediator vikings kilometer subprime packard pipes diminished impasse insistence
secrecy downgraded holbrooke brunswick shelves gong homicide salvation exploitation napoleon
tightened whitney harare browns erik mobutu slice allegation remark slovak elbaradei roth echo
patents srebrenica gaps industrialized stuffed jazeera sunk lining bucharest drafting proposing
publishes accordingly revelations pressured nokia undercover wheelchair invention multilateral
kemp poets ounces norm incredibly surfaces listeners deceased baldwin commentators levin
combines diaz phelps vernon reduces rein sniper paula relax watches prosecute downed bury
logging charleston clubhouse sara broadband spurred pavilion indexes underneath backlash
gymnastics golan classrooms lengths centimeters crowned peng byzantine corp ridden
`
    .trim()
    .split(/\s+/),
);
