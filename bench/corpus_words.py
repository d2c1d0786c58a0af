"""Vocabulary of the generated benchmark corpus: industries, companies, and prose pools.

Kept apart from the templates so the layout code stays readable. Everything here is plain
text: `;` separates items on a line, `|` separates a company's name from its legal form, and
prose pools separate entries by blank lines so long sentences can wrap. The sentences carry
`{slots}` that the generator fills per report, which is what makes thousands of reports read
differently while keeping the seeds' tone and length.

None of it comes from `builder/vocabulary/`: the regression check scores the extractor on
these words, so they must be the generator's own. The lists are as long as the corpus' shape
needs: about 400 firms (one company page each) and over 3,000 market names (a market page per
report at 1,000 reports); each prose pool a little longer than one section draws.
"""

from __future__ import annotations

# --- Industries ------------------------------------------------------------------------------
# A market name is a qualifier plus an item (or one of the `names` given whole). `dimensions`
# are the segment axes besides Application. Companies are drawn from the industry's own pool,
# so the same firms recur across that industry's reports under different spellings.

DOMAINS: dict[str, dict[str, str]] = {
    "pharma": {
        "qualifiers": """Biopharmaceutical; Biologics; Pharmaceutical; Cell and Gene Therapy;
            Vaccine; Oncology Drug; Sterile Injectable; Peptide; Monoclonal Antibody;
            Oligonucleotide; Biosimilar; Small Molecule API; mRNA; Viral Vector;
            Radiopharmaceutical; Generic Drug; Antibody-Drug Conjugate; Insulin; Ophthalmic Drug""",
        "items": """CMO Services; CDMO Services; Contract Manufacturing; Fill-Finish Services;
            Process Development Services; Analytical Testing Services; Cold Chain Logistics;
            Packaging Services; Outsourcing; Manufacturing Equipment; Quality Control Services;
            Lyophilization Services; Stability Testing Services; Sterile Filtration Systems""",
        "names": """CMO/CDMO; Contract Bio-manufacturing Organization (CMO);
            Contract Manufacturing Organization Services; Contract Research Organization (CRO)""",
        "applications": """Clinical Manufacturing; Commercial Manufacturing;
            Pharmaceutical Industry; Biotechnology; Oral Products; Injectable Products;
            Research Institutes; Others""",
        "Type": "Big Bio/Pharma Type; Small/Med Bio/Pharma Type; Virtual/Emerging Type",
        "Source": "Mammalian; Non-mammalian; Microbial",
        "Service": """Process Development; Upstream; Downstream; Fill & Finish Operations;
            Analytical & QC studies; Packaging & Labelling""",
        "Therapeutic Area": """Oncology; Autoimmune Diseases; Cardiovascular Diseases;
            Infectious Diseases; Metabolic Disorders""",
        "themes": """rising demand for biologics and biosimilars; growing pipelines of cell and
            gene therapies; pressure to shorten time-to-market; limited in-house manufacturing
            capacity; the shift toward personalized medicine; cost containment by drug
            developers; increasing outsourcing by emerging biotech firms""",
        "techs": """single-use bioreactors; continuous bioprocessing; process analytical
            technology (PAT); high-potency API containment; modular cleanroom suites; automated
            fill-finish lines; digital batch records""",
        "customers": """biotech start-ups; large pharmaceutical companies; mid-sized drug
            developers; academic research centres; virtual biotech companies""",
        "rules": "FDA cGMP requirements; EMA guidelines; ICH Q7 standards; Annex 1 revisions",
        "purposes": """bring complex therapies to patients faster; scale production without
            building their own plants; manage clinical and commercial supply""",
        "companies": """
            Lonza | Group AG; Catalent | Inc.; Samsung BioLogics | Co., Ltd.;
            WuXi Biologics | Inc.; Boehringer Ingelheim | GmbH; AGC Biologics | Inc.;
            Fujifilm Diosynth Biotechnologies | U.S.A., Inc.; Recipharm | AB;
            Siegfried | Holding AG; Cambrex | Corporation; Patheon | N.V.;
            Rentschler Biopharma | SE; JRS Pharma | GmbH & Co. KG; ProBioGen | AG;
            KBI Biopharma | Inc.; Binex | Co., Ltd.; Biomeva | GmbH; AbbVie | Inc.; Pfizer | Inc.;
            Baxter BioPharma Solutions | LLC; Teva API | B.V.; Abzena | Ltd.;
            Althea Technologies | Inc.; Asymchem Laboratories | Co., Ltd.;
            Cytovance Biologics | Inc.; Toyobo | Co., Ltd.; ADMA Biologics | Inc.;
            Thermo Fisher Scientific | Inc.; Charles River Laboratories | Inc.;
            Piramal Pharma Solutions | Ltd.; Aenova | Holding GmbH; Vetter Pharma | GmbH;
            Almac | Group Ltd.; Syngene International | Limited; Jubilant HollisterStier | LLC;
            Merck KGaA |; Novo Nordisk | A/S; Sartorius | AG;""",
    },
    "meddevice": {
        "qualifiers": """Minimally Invasive; Wearable; Portable; Point-of-Care; Robotic;
            Disposable; Implantable; Home Healthcare; AI-Powered; Veterinary; Pediatric;
            Orthopedic; Cardiac; Neonatal; Dental; Bariatric; Single-Use""",
        "items": """Surgical Instruments; Monitoring Devices; Diagnostic Imaging Systems;
            Infusion Pumps; Ultrasound Devices; Catheters; Glucose Monitors; Ventilators;
            Endoscopes; Patient Monitors; Dialysis Equipment; Hearing Aids; Defibrillators;
            Wound Care Devices; Surgical Robots; Blood Pressure Monitors""",
        "names": """In Vitro Diagnostics (IVD); Medical Device Contract Manufacturing;
            Remote Patient Monitoring; Sterilization Services""",
        "applications": """Hospitals; Ambulatory Surgical Centers; Diagnostic Laboratories;
            Home Care Settings; Specialty Clinics; Academic and Research Institutes""",
        "Product": """Consumables; Instruments; Software & Services; Accessories""",
        "Technology": "Wired; Wireless; Bluetooth-Enabled; Cloud-Connected",
        "End User": "Hospitals & Clinics; Home Care; Diagnostic Centers; Others",
        "themes": """an ageing population and the rise of chronic diseases; the shift of care
            from hospitals to the home; growing volumes of minimally invasive procedures;
            expanding reimbursement for remote monitoring; hospital investment in
            digital health""",
        "techs": """AI-assisted image analysis; wireless sensor patches; robotic-assisted
            surgery platforms; cloud-based patient data platforms; miniaturised
            electronics""",
        "customers": """hospital networks; outpatient clinics; diagnostic laboratories;
            home healthcare providers; group purchasing organizations""",
        "rules": "the EU Medical Device Regulation (MDR); FDA 510(k) clearance; ISO 13485",
        "purposes": """diagnose and treat patients safely; monitor patients outside the
            hospital; reduce procedure times and complications""",
        "companies": """
            Medtronic | plc; Abbott Laboratories |; Siemens Healthineers | AG;
            GE HealthCare | Technologies Inc.; Koninklijke Philips | N.V.;
            Boston Scientific | Corporation; Stryker | Corporation;
            Zimmer Biomet | Holdings, Inc.; Becton Dickinson | and Company;
            Roche Diagnostics | GmbH; Danaher | Corporation; bioMérieux | S.A.;
            Olympus | Corporation; Terumo | Corporation; Smith & Nephew | plc;
            B. Braun Melsungen | AG; Fresenius Medical Care | AG;
            Edwards Lifesciences | Corporation; Drägerwerk | AG & Co. KGaA; Hologic | Inc.;
            Sysmex | Corporation; Mindray Medical International | Limited; Nipro | Corporation;
            Baxter International | Inc.; Dexcom | Inc.; Insulet | Corporation; ResMed | Inc.;
            Sonova | Holding AG; Demant | A/S; Masimo | Corporation; Intuitive Surgical | Inc.;
            Nihon Kohden | Corporation; Getinge | AB;""",
    },
    "smarthome": {
        "qualifiers": """Smart; Wi-Fi; Voice-Controlled; Connected; Wireless; Residential;
            AI-Enabled; Battery-Powered; Zigbee; Matter-Compatible; Solar-Powered; App-Controlled;
            Outdoor; Retrofit""",
        "items": """Thermostat; Door Lock; Lighting; Speaker; Security Camera; Video Doorbell;
            Plug; Smoke Detector; Home Hub; Window Blinds; Water Leak Detector; Energy Monitor;
            Air Purifier; Robot Vacuum Cleaner; Garage Door Openers; Irrigation Controllers;
            Baby Monitors""",
        "names": """Home Automation; Smart Home Security; Home Energy Management Systems""",
        "applications": """Residential; Commercial; Hospitality; Multi-Family Housing;
            Retrofit Installations; New Construction""",
        "Product": """Hardware; Software Platforms; Installation Services; Subscriptions""",
        "Connectivity": "Wi-Fi; Zigbee; Z-Wave; Bluetooth; Thread",
        "Distribution Channel": """Online Retail; Specialty Stores; Hypermarkets;
            Professional Installers; Utility Programs""",
        "themes": """rising energy prices and efficiency mandates; consumer interest in home
            security; the spread of voice assistants; utility rebate programmes; growing
            adoption of the Matter interoperability standard""",
        "techs": """learning algorithms; voice assistant integration; low-power mesh
            networking; cloud video analytics; occupancy sensing""",
        "customers": """homeowners; property managers; home builders; utilities; hotel
            operators""",
        "rules": "the EU Ecodesign rules; ENERGY STAR certification; GDPR data-protection rules",
        "purposes": """save energy and improve comfort; secure and monitor their homes;
            control appliances remotely""",
        "companies": """
            Honeywell International | Inc.; Ecobee | Inc.; Emerson Electric | Co.;
            Johnson Controls International | plc; Schneider Electric | SE; Siemens | AG;
            Robert Bosch | GmbH; Samsung Electronics | Co., Ltd.; LG Electronics | Inc.;
            Panasonic Holdings | Corporation; Legrand | SA; ABB | Ltd.;
            Resideo Technologies | Inc.; Carrier Global | Corporation; Daikin Industries | Ltd.;
            Mitsubishi Electric | Corporation; Signify | N.V.; Xiaomi | Corporation;
            Haier Smart Home | Co., Ltd.; Whirlpool | Corporation; Amazon.com | Inc.;
            Apple | Inc.; Alphabet | Inc.; Sonos | Inc.; Arlo Technologies | Inc.; Vivint | Inc.;
            ADT | Inc.; Lutron Electronics | Co., Inc.; Crestron Electronics | Inc.;
            TP-Link | Technologies Co., Ltd.; Netatmo | SAS; tado | GmbH;""",
    },
    "chemicals": {
        "qualifiers": """Industrial; Specialty; Bio-based; Food-Grade; Agricultural; High-Purity;
            Water Treatment; Textile; Detergent; Construction; Water-Based; Renewable;
            Flame-Retardant; Electronic-Grade; Marine""",
        "items": """Enzymes; Surfactants; Polymers; Adhesives; Coatings; Solvents; Catalysts;
            Pigments; Resins; Lubricants; Silicones; Biocides; Antioxidants; Plasticizers;
            Emulsifiers; Corrosion Inhibitors; Defoamers""",
        "names": """Industrial Enzymes; Bio-Based Chemicals; Specialty Chemicals Distribution;
            Green Hydrogen Catalysts""",
        "applications": """Food & Beverages; Detergents & Cleaners; Animal Feed; Biofuels;
            Textiles & Leather; Pulp & Paper; Construction; Automotive""",
        "Source": "Microorganisms; Plants; Animals; Synthetic",
        "Form": "Liquid; Powder; Granules",
        "Type": "Carbohydrases; Proteases; Lipases; Polymerases & Nucleases; Others",
        "themes": """demand for sustainable process chemistry; stricter limits on volatile
            organic compounds; growth in processed food production; the replacement of
            petrochemical inputs; cost pressure in high-volume manufacturing""",
        "techs": """protein engineering; precision fermentation; continuous flow reactors;
            low-VOC formulations; bio-catalysis""",
        "customers": """food processors; detergent formulators; feed producers; textile
            mills; paint and coatings makers""",
        "rules": "REACH registration; EPA TSCA reviews; food-contact regulations",
        "purposes": """make industrial processes cleaner and cheaper; improve product
            performance; replace harsher chemical inputs""",
        "companies": """
            Novozymes | A/S; DSM-Firmenich | AG; BASF | SE; DuPont de Nemours | Inc.;
            International Flavors & Fragrances | Inc.; AB Enzymes | GmbH; Amano Enzyme | Inc.;
            Advanced Enzyme Technologies | Ltd.; Kerry Group | plc; Dyadic International | Inc.;
            Codexis | Inc.; Chr. Hansen | Holding A/S; Evonik Industries | AG; Dow | Inc.;
            Clariant | AG; Solvay | SA; Arkema | S.A.; Lanxess | AG; Covestro | AG;
            Wacker Chemie | AG; Mitsubishi Chemical | Group Corporation;
            Sumitomo Chemical | Co., Ltd.; Eastman Chemical | Company; Huntsman | Corporation;
            Croda International | plc; Ashland | Inc.; Novonesis | A/S; Henkel | AG & Co. KGaA;
            Akzo Nobel | N.V.; PPG Industries | Inc.; Sika | AG; 3M | Company;""",
    },
    "automotive": {
        "qualifiers": """Electric Vehicle; Automotive; Commercial Vehicle; Two-Wheeler;
            Autonomous Vehicle; Hybrid Vehicle; Off-Highway; Passenger Car; Electric Bus;
            Luxury Vehicle; Light Truck; Racing; Fleet; Robotaxi""",
        "items": """Battery Packs; Charging Stations; Powertrain; Sensors; Infotainment Systems;
            Thermal Management Systems; Braking Systems; Lidar; Wiring Harness; Inverters; Seating;
            Lightweight Materials; Brake Pads; Head-Up Displays; Tires; Telematics Units; Airbags;
            Steering Systems""",
        "names": """EV Charging Infrastructure; Advanced Driver Assistance Systems (ADAS);
            Battery Management System (BMS); Vehicle-to-Grid (V2G)""",
        "applications": """Passenger Cars; Light Commercial Vehicles; Heavy Trucks; Buses;
            Two-Wheelers; Fleet Operators""",
        "Propulsion": "Battery Electric; Plug-in Hybrid; Hybrid; Fuel Cell",
        "Component": "Hardware; Software; Services",
        "Sales Channel": "OEM; Aftermarket",
        "themes": """tightening emission standards; falling battery costs; government
            incentives for electric vehicles; the build-out of public charging networks;
            consumer demand for connected features""",
        "techs": """silicon carbide power electronics; solid-state batteries; over-the-air
            software updates; 800-volt architectures; sensor fusion""",
        "customers": """vehicle manufacturers; tier-one suppliers; fleet operators; charging
            network operators; public transit agencies""",
        "rules": "Euro 7 emission limits; UNECE cybersecurity rules; US CAFE standards",
        "purposes": """electrify and connect their vehicles; lower fleet emissions; improve
            safety and driving comfort""",
        "companies": """
            Tesla | Inc.; BYD | Company Limited; Contemporary Amperex Technology | Co., Limited;
            LG Energy Solution | Ltd.; Panasonic Holdings | Corporation; Samsung SDI | Co., Ltd.;
            SK On | Co., Ltd.; Robert Bosch | GmbH; Continental | AG; Denso | Corporation;
            ZF Friedrichshafen | AG; Magna International | Inc.; Aptiv | PLC; Valeo | SA;
            Hyundai Mobis | Co., Ltd.; Aisin | Corporation; Lear | Corporation; Forvia | SE;
            BorgWarner | Inc.; Infineon Technologies | AG; NXP Semiconductors | N.V.;
            Renesas Electronics | Corporation; STMicroelectronics | N.V.;
            ChargePoint Holdings | Inc.; Wallbox | N.V.; EVBox | Group; ABB | Ltd.;
            Luminar Technologies | Inc.; Mobileye Global | Inc.; Schaeffler | AG;""",
    },
    "semiconductor": {
        "qualifiers": """Automotive; Industrial; Consumer; Data Center; 5G; Wide-Bandgap;
            Low-Power; High-Frequency; AI; Edge; Automotive-Grade; Radiation-Hardened;
            Silicon Photonics; Quantum; Mobile""",
        "items": """Semiconductors; Memory Chips; Power Modules; Microcontrollers; Image Sensors;
            RF Filters; Optical Transceivers; Chip Packaging; Test Equipment;
            Wafer Cleaning Equipment; Logic Chips; Analog ICs; Power Discretes; MEMS Sensors;
            Probe Cards; Photomasks""",
        "names": """Semiconductor Foundry Services; Outsourced Semiconductor Assembly and Test
            (OSAT); Silicon Carbide (SiC) Power Devices; Photonic Integrated Circuits""",
        "applications": """Consumer Electronics; Automotive; Industrial Automation;
            Telecommunications; Data Centers; Healthcare""",
        "Node": "Below 7 nm; 7-16 nm; 16-28 nm; Above 28 nm",
        "Material": "Silicon; Silicon Carbide; Gallium Nitride; Gallium Arsenide",
        "Component": "Logic; Memory; Analog; Discrete",
        "themes": """surging demand for AI computing; the electrification of vehicles;
            5G network roll-outs; government subsidies for domestic chip production;
            the proliferation of connected devices""",
        "techs": """advanced packaging; extreme ultraviolet lithography; chiplet
            architectures; gallium nitride transistors; 3D stacking""",
        "customers": """device makers; automotive suppliers; hyperscale cloud operators;
            telecom equipment vendors; industrial OEMs""",
        "rules": "export-control regulations; the CHIPS Act incentives; RoHS directives",
        "purposes": """build faster and more efficient electronics; secure supply of critical
            components; lower power consumption""",
        "companies": """
            Intel | Corporation; Taiwan Semiconductor Manufacturing | Company Limited;
            Samsung Electronics | Co., Ltd.; SK hynix | Inc.; Micron Technology | Inc.;
            Qualcomm | Incorporated; Broadcom | Inc.; NVIDIA | Corporation;
            Advanced Micro Devices | Inc.; Analog Devices | Inc.; Microchip Technology | Inc.;
            onsemi |; ASML | Holding N.V.; Applied Materials | Inc.; Lam Research | Corporation;
            Tokyo Electron | Limited; KLA | Corporation; Murata Manufacturing | Co., Ltd.;
            TDK | Corporation; Kyocera | Corporation; Rohm | Co., Ltd.; Amkor Technology | Inc.;
            ASE Technology | Holding Co., Ltd.; Texas Instruments | Inc.;
            Infineon Technologies | AG; STMicroelectronics | N.V.; NXP Semiconductors | N.V.;
            Wolfspeed | Inc.; GlobalFoundries | Inc.; MediaTek | Inc.; Coherent | Corp.;""",
    },
    "software": {
        "qualifiers": """Cloud; Enterprise; AI; Cybersecurity; Industrial; Healthcare; Retail;
            Banking; Low-Code; Edge; Supply Chain; Marketing; HR; Legal; Construction; Education""",
        "items": """Software; Analytics Platforms; Managed Services; Data Management;
            Identity and Access Management; ERP Software; Supply Chain Software;
            Observability Tools; Digital Twin Software; Customer Experience Platforms;
            Workflow Automation; Document Management; Compliance Software; Collaboration Tools;
            Billing Software""",
        "names": """Software as a Service (SaaS); Robotic Process Automation (RPA);
            Managed Detection and Response (MDR); Product Lifecycle Management (PLM)""",
        "applications": """BFSI; Healthcare; Retail & E-commerce; Manufacturing;
            Government; IT & Telecom; Energy & Utilities""",
        "Deployment": "Cloud; On-Premises; Hybrid",
        "Organization Size": "Large Enterprises; Small and Medium-sized Enterprises (SMEs)",
        "Component": "Solutions; Services",
        "themes": """enterprise migration to the cloud; the explosion of generative AI use
            cases; rising cyber threats; pressure to automate manual processes; demand for
            real-time decision making""",
        "techs": """machine learning models; zero-trust architectures; containerised
            microservices; low-code development tools; real-time data streaming""",
        "customers": """large enterprises; small and mid-sized businesses; public-sector
            agencies; financial institutions; manufacturers""",
        "rules": "GDPR; the EU AI Act; SOC 2 audits; HIPAA rules",
        "purposes": """automate decisions and workflows; protect their data and systems;
            turn operational data into insight""",
        "companies": """
            Microsoft | Corporation; Oracle | Corporation; SAP | SE;
            International Business Machines | Corporation; Salesforce | Inc.; Adobe | Inc.;
            ServiceNow | Inc.; Workday | Inc.; Cisco Systems | Inc.; Amazon Web Services | Inc.;
            Alphabet | Inc.; Accenture | plc; Infosys | Limited;
            Tata Consultancy Services | Limited; Wipro | Limited; Capgemini | SE; Atos | SE;
            Palo Alto Networks | Inc.; Fortinet | Inc.; CrowdStrike | Holdings, Inc.;
            Check Point Software Technologies | Ltd.; Splunk | Inc.; Snowflake | Inc.;
            Datadog | Inc.; Dassault Systèmes | SE; Autodesk | Inc.; Hexagon | AB; UiPath | Inc.;
            Zscaler | Inc.; Databricks | Inc.; HCLTech |;
            Cognizant | Technology Solutions Corporation;""",
    },
    "food": {
        "qualifiers": """Plant-Based; Organic; Functional; Frozen; Gluten-Free; Sugar-Free;
            Fortified; Ready-to-Drink; Premium; Clean-Label; Halal; Kosher; High-Protein;
            Low-Sodium; Keto; Infant""",
        "items": """Snacks; Beverages; Dairy Alternatives; Protein Ingredients; Sweeteners;
            Bakery Products; Infant Formula; Pet Food; Meat Substitutes; Flavors; Probiotics;
            Seed Treatments; Cereal Bars; Edible Oils; Yogurt; Plant Proteins; Frozen Desserts;
            Cold Brew Coffee""",
        "names": """Precision Agriculture; Crop Protection Chemicals; Vertical Farming;
            Food Traceability Solutions""",
        "applications": """Food & Beverage Manufacturers; Foodservice; Retail; Dietary
            Supplements; Animal Nutrition; Farms""",
        "Source": "Plant; Animal; Microbial; Synthetic",
        "Distribution Channel": """Supermarkets & Hypermarkets; Convenience Stores; Online
            Retail; Specialty Stores""",
        "Form": "Dry; Liquid; Frozen",
        "themes": """consumer demand for healthier diets; rising interest in plant-based
            protein; food-security concerns; premiumisation of packaged foods; retailer
            private-label growth""",
        "techs": """precision fermentation; extrusion processing; clean-label reformulation;
            farm management software; cold-chain monitoring""",
        "customers": """food manufacturers; retailers; quick-service restaurants; growers;
            feed mills""",
        "rules": "FDA labeling rules; EU Novel Food approvals; Codex Alimentarius standards",
        "purposes": """meet changing consumer tastes; improve nutrition and shelf life; raise
            yields while using fewer inputs""",
        "companies": """
            Nestlé | S.A.; Unilever | PLC; Danone | S.A.; PepsiCo | Inc.; The Coca-Cola Company |;
            Cargill | Incorporated; Archer Daniels Midland | Company; Bunge | Global SA;
            Kerry Group | plc; Tate & Lyle | PLC; Ingredion | Incorporated; Olam | Group Limited;
            Associated British Foods | plc; General Mills | Inc.; Kellanova |;
            Mondelez International | Inc.; The Kraft Heinz Company |; Tyson Foods | Inc.;
            JBS | S.A.; Givaudan | SA; Symrise | AG; Glanbia | plc;
            Fonterra | Co-operative Group Limited; Arla Foods | amba; Corteva | Inc.; Bayer | AG;
            Syngenta | AG; Yara International | ASA; Nutrien | Ltd.; FMC | Corporation;
            UPL | Limited; Beyond Meat | Inc.; Oatly | Group AB;""",
    },
    "energy": {
        "qualifiers": """Offshore; Onshore; Utility-Scale; Residential; Commercial; Floating;
            Grid-Scale; Off-Grid; Hybrid; Green; Rooftop; Community; Marine; Industrial;
            Behind-the-Meter; Remote""",
        "items": """Wind Turbines; Solar Panels; Energy Storage Systems; Solar Inverters;
            Hydrogen Electrolyzers; Heat Pumps; Microgrids; Transformers; Smart Meters;
            Power Cables; Fuel Cells; Battery Storage; Biogas Plants; Charge Controllers;
            Switchgear; Geothermal Systems""",
        "names": """Battery Energy Storage System (BESS); Power Purchase Agreements (PPA)
            Advisory; Carbon Capture, Utilization and Storage (CCUS); Virtual Power Plants""",
        "applications": """Utilities; Commercial & Industrial; Residential; Oil & Gas;
            Data Centers; Mining""",
        "Technology": "Lithium-ion; Flow Batteries; Lead-Acid; Sodium-based",
        "Capacity": "Below 1 MW; 1-10 MW; 10-50 MW; Above 50 MW",
        "Component": "Equipment; Software; Installation & Maintenance",
        "themes": """national decarbonisation targets; falling costs of renewable power;
            grid modernisation programmes; corporate net-zero commitments; energy-security
            concerns""",
        "techs": """bifacial solar modules; grid-forming inverters; long-duration storage;
            digital substation automation; predictive maintenance analytics""",
        "customers": """utilities; independent power producers; industrial energy users;
            grid operators; commercial property owners""",
        "rules": """the US Inflation Reduction Act; the EU Renewable Energy Directive;
            IEC grid codes""",
        "purposes": """generate and store clean power; balance the grid; cut energy costs and
            emissions""",
        "companies": """
            Siemens Gamesa Renewable Energy | S.A.; Vestas Wind Systems | A/S; GE Vernova | Inc.;
            Nordex | SE; Ørsted | A/S; NextEra Energy | Inc.; Iberdrola | S.A.; Enel | S.p.A.;
            EDF | SA; Engie | SA; First Solar | Inc.; JinkoSolar | Holding Co., Ltd.;
            LONGi Green Energy Technology | Co., Ltd.; Trina Solar | Co., Ltd.;
            Canadian Solar | Inc.; SMA Solar Technology | AG; Enphase Energy | Inc.;
            SolarEdge Technologies | Inc.; Huawei Technologies | Co., Ltd.;
            Sungrow Power Supply | Co., Ltd.; Fluence Energy | Inc.; Wärtsilä | Oyj Abp;
            Schneider Electric | SE; Hitachi Energy | Ltd.; Mitsubishi Heavy Industries | Ltd.;
            Tesla | Inc.; Contemporary Amperex Technology | Co., Limited; Nel | ASA;
            Plug Power | Inc.; ITM Power | plc; Prysmian | S.p.A.; Nexans | S.A.;""",
    },
    "packaging": {
        "qualifiers": """Flexible; Rigid; Sustainable; Pharmaceutical; Food; Cosmetic; Recyclable;
            Biodegradable; Active; E-commerce; Child-Resistant; Tamper-Evident; Compostable;
            Luxury; Industrial; Medical""",
        "items": """Packaging; Pouches; Labels; Closures; Films; Glass Vials; Corrugated Boxes;
            Aluminium Foil Containers; Blister Packs; Paper Cups; Bottles; Cartons; Trays;
            Shrink Sleeves; Bags; Drums""",
        "names": """Aseptic Packaging; Returnable Transport Packaging; Smart Packaging;
            Molded Fiber Packaging""",
        "applications": """Food & Beverage; Pharmaceuticals; Personal Care; Household
            Products; Electronics; E-commerce""",
        "Material": "Plastic; Paper & Paperboard; Glass; Metal; Bioplastics",
        "Type": "Primary; Secondary; Tertiary",
        "Printing Technology": "Flexography; Digital Printing; Gravure; Offset",
        "themes": """brand-owner sustainability pledges; bans on single-use plastics; growth
            of e-commerce shipments; demand for longer shelf life; extended producer
            responsibility fees""",
        "techs": """mono-material laminates; digital printing; barrier coatings; lightweighting;
            chemical recycling""",
        "customers": """consumer goods brands; food processors; pharmaceutical companies;
            retailers; online sellers""",
        "rules": "the EU Packaging and Packaging Waste Regulation; FDA food-contact rules",
        "purposes": """protect products and reduce waste; meet recycling targets; make
            products stand out on shelf""",
        "companies": """
            Amcor | plc; Berry Global | Group, Inc.; Sealed Air | Corporation; Mondi | plc;
            Smurfit Westrock | plc; International Paper | Company; DS Smith | Plc;
            Crown Holdings | Inc.; Ball | Corporation; Ardagh | Group S.A.;
            Tetra Pak | International S.A.; Huhtamaki | Oyj; Sonoco Products | Company;
            Graphic Packaging | Holding Company; Stora Enso | Oyj; UPM-Kymmene | Oyj;
            Constantia Flexibles | GmbH; Gerresheimer | AG; Schott | AG; AptarGroup | Inc.;
            Silgan Holdings | Inc.; O-I Glass | Inc.; Uflex | Limited; Toppan | Holdings Inc.;
            Dai Nippon Printing | Co., Ltd.; Coveris | Management GmbH; Sappi | Limited;
            Klabin | S.A.; Stevanato | Group S.p.A.; Winpak | Ltd.; Pactiv Evergreen | Inc.;""",
    },
    "industrial": {
        "qualifiers": """Industrial; Collaborative; Autonomous; Precision; Hydraulic; Pneumatic;
            Heavy-Duty; Explosion-Proof; Compact; Smart; Cleanroom; Food-Grade; High-Speed;
            Portable; Wireless; Modular""",
        "items": """Robots; Machine Vision Systems; Motion Controllers; Pumps; Valves; Compressors;
            CNC Machines; 3D Printers; Conveyor Systems; Flow Meters; Gearboxes; Actuators;
            Bearings; Welding Robots; Industrial Cameras; Safety Light Curtains; Air Compressors""",
        "names": """Industrial Internet of Things (IIoT); Predictive Maintenance;
            Manufacturing Execution Systems (MES); Additive Manufacturing""",
        "applications": """Automotive; Electronics & Semiconductors; Food & Beverage;
            Chemicals; Metals & Machinery; Logistics & Warehousing""",
        "Component": "Hardware; Software; Services",
        "Payload Capacity": "Up to 10 kg; 10-50 kg; 50-200 kg; Above 200 kg",
        "Offering": "New Equipment; Retrofit; Aftermarket Services",
        "themes": """labour shortages in manufacturing; reshoring of production;
            investment in factory automation; demand for higher quality and traceability;
            energy-efficiency requirements""",
        "techs": """collaborative robots; machine learning vision; digital twins; edge
            controllers; condition monitoring sensors""",
        "customers": """automotive plants; electronics assemblers; process industries;
            warehouse operators; contract manufacturers""",
        "rules": "the EU Machinery Regulation; ISO 10218 safety standards; ATEX directives",
        "purposes": """raise productivity and quality; automate repetitive work; reduce
            downtime""",
        "companies": """
            ABB | Ltd.; Siemens | AG; Rockwell Automation | Inc.; Schneider Electric | SE;
            Emerson Electric | Co.; Honeywell International | Inc.;
            Mitsubishi Electric | Corporation; Fanuc | Corporation;
            Yaskawa Electric | Corporation; KUKA | AG; Omron | Corporation; Keyence | Corporation;
            Yokogawa Electric | Corporation; Endress+Hauser | Group; Festo | SE & Co. KG;
            SMC | Corporation; Parker Hannifin | Corporation; Atlas Copco | AB; Sandvik | AB;
            Caterpillar | Inc.; Komatsu | Ltd.; Hitachi | Ltd.; Danfoss | A/S; Bosch Rexroth | AG;
            Trumpf | SE + Co. KG; DMG Mori | Co., Ltd.; Hexagon | AB; Universal Robots | A/S;
            Cognex | Corporation; Stratasys | Ltd.; Grundfos | Holding A/S;
            Flowserve | Corporation; Xylem | Inc.;""",
    },
    "logistics": {
        "qualifiers": """Cold Chain; Last-Mile; Pharmaceutical; Cross-Border; Contract;
            Temperature-Controlled; Automated; Freight; E-commerce; Reverse; Same-Day; Bonded;
            Less-than-Truckload; Perishable; Hazardous Goods; Port""",
        "items": """Logistics; Warehousing; Freight Forwarding; Delivery Services;
            Fleet Management; Courier Services; Packaging Services; Tracking Solutions;
            Container Shipping; Pallet Pooling; Yard Management; Customs Brokerage;
            Cross-Docking Services; Parcel Lockers""",
        "names": """Third-Party Logistics (3PL); Warehouse Management Systems (WMS);
            Transportation Management Systems (TMS); Clinical Trial Logistics""",
        "applications": """Retail & E-commerce; Healthcare & Pharmaceuticals; Automotive;
            Food & Beverage; Industrial Manufacturing; Consumer Electronics""",
        "Mode of Transport": "Road; Air; Sea; Rail",
        "Service": "Transportation; Warehousing; Value-Added Services",
        "Temperature": "Frozen; Chilled; Ambient",
        "themes": """the growth of online retail; demand for temperature-sensitive
            medicines; supply-chain resilience planning; rising customer expectations for
            fast delivery; nearshoring of manufacturing""",
        "techs": """real-time shipment tracking; warehouse robotics; route optimisation
            software; IoT temperature loggers; electric delivery vans""",
        "customers": """online retailers; pharmaceutical manufacturers; food distributors;
            automotive suppliers; consumer brands""",
        "rules": "GDP (Good Distribution Practice) guidelines; customs modernisation rules",
        "purposes": """move goods reliably and quickly; keep sensitive products within
            temperature; reduce transport cost and emissions""",
        "companies": """
            DHL Group |; FedEx | Corporation; United Parcel Service | Inc.;
            Kuehne+Nagel | International AG; DSV | A/S; DB Schenker |;
            C.H. Robinson | Worldwide, Inc.; Expeditors International | of Washington, Inc.;
            Nippon Express | Holdings, Inc.; CEVA Logistics | SA; XPO | Inc.;
            GXO Logistics | Inc.; A.P. Moller - Maersk | A/S; CMA CGM | S.A.; Hapag-Lloyd | AG;
            Americold Realty Trust | Inc.; Lineage | Inc.; Cryoport | Inc.; World Courier | Inc.;
            Marken | Ltd.; Geodis | SA; Ryder System | Inc.; J.B. Hunt Transport Services | Inc.;
            Yusen Logistics | Co., Ltd.; Bolloré Logistics | SE; Sinotrans | Limited;
            Toll Group |; Agility | Public Warehousing Company K.S.C.P.;""",
    },
    "beauty": {
        "qualifiers": """Organic; Natural; Men's; Premium; Vegan; Halal; Anti-Aging;
            Sensitive-Skin; Dermocosmetic; Travel-Size; Luxury; Teen; K-Beauty; Ayurvedic;
            Fragrance-Free; Refillable""",
        "items": """Skincare; Hair Care Products; Fragrances; Sunscreen; Color Cosmetics;
            Oral Care Products; Deodorants; Shaving Products; Nail Care; Bath Products; Lip Care;
            Eye Cream; Face Masks; Hair Dyes; Body Lotions; Dry Shampoo""",
        "names": """Cosmetic Ingredients; Beauty Devices; Personal Care Contract Manufacturing;
            Clean Beauty""",
        "applications": """Online Retail; Supermarkets; Pharmacies & Drugstores; Specialty
            Beauty Stores; Salons & Spas""",
        "Product": "Creams & Lotions; Serums; Cleansers; Masks; Others",
        "End User": "Women; Men; Unisex; Children",
        "Price Range": "Mass; Masstige; Premium; Luxury",
        "themes": """consumer interest in clean and natural ingredients; social-media driven
            product discovery; the growth of men's grooming; rising disposable incomes in
            Asia; demand for dermatologist-backed products""",
        "techs": """microbiome-friendly formulations; biotech-derived actives; refillable
            packaging; AI skin diagnostics; waterless formulations""",
        "customers": """beauty retailers; indie brands; pharmacies; salons; online
            marketplaces""",
        "rules": "the EU Cosmetics Regulation; the US MoCRA act; cruelty-free certification",
        "purposes": """look after skin and hair; express personal style; meet demand for safer
            ingredients""",
        "companies": """
            L'Oréal | S.A.; The Estée Lauder Companies | Inc.; Procter & Gamble | Company;
            Unilever | PLC; Beiersdorf | AG; Shiseido | Company, Limited; Kao | Corporation;
            Coty | Inc.; Henkel | AG & Co. KGaA; Johnson & Johnson |; Kenvue | Inc.;
            Colgate-Palmolive | Company; Amorepacific | Corporation;
            LVMH Moët Hennessy Louis Vuitton | SE; Natura &Co | Holding S.A.; Revlon | Inc.;
            Oriflame | Holding AG; Avon Products | Inc.; Puig | Brands S.A.; e.l.f. Beauty | Inc.;
            Edgewell Personal Care | Company; Croda International | plc; Givaudan | SA;
            Symrise | AG; Clarins | Group; Pierre Fabre | SA; Galderma | Group AG;
            Kosé | Corporation; LG H&H | Co., Ltd.; Haleon | plc;""",
    },
}

PARENTS = """Patheon > Thermo Fisher Scientific; Fujifilm Diosynth Biotechnologies > Fujifilm
    Holdings; Siemens Healthineers > Siemens; Roche Diagnostics > Roche; Bosch Rexroth >
    Robert Bosch; Hitachi Energy > Hitachi; Siemens Gamesa Renewable Energy > Siemens Energy;
    Amazon Web Services > Amazon.com; Jubilant HollisterStier > Jubilant Pharmova; World
    Courier > Cencora; Marken > United Parcel Service; Universal Robots > Teradyne;
    Baxter BioPharma Solutions > Baxter International; DB Schenker > Deutsche Bahn;
    Mobileye Global > Intel; Vetter Pharma > Vetter Group; Almac > McClay Foundation"""

PLACEHOLDERS = ("Key Player I", "Key Player II", "Key Player III", "Key Player IV", "Key Player V")

# --- Geography -----------------------------------------------------------------------------

GEOGRAPHIES = """United States; North America; Europe; Asia Pacific; Germany; United Kingdom;
    France; Japan; China; India; Latin America; Middle East and Africa; South Korea;
    Southeast Asia; Canada; Brazil"""

# The region lines Verified Market Reports prints under "Regional Analysis of".
VMR_REGIONS = {
    "North America": "North America&nbsp;(United States, Canada, and Mexico, etc.)",
    "Europe": "Europe&nbsp;(Germany, United Kingdom, France, Italy, and Spain, etc.)",
    "Asia-Pacific": "Asia-Pacific&nbsp;(China, Japan, Korea, India, and Vietnam, etc.)",
    "Latin America": "South America&nbsp;(Brazil and Argentina, etc.)",
    "Middle East & Africa": "Middle East and Africa&nbsp;(Saudi Arabia, UAE, South Africa, "
    "and Egypt, etc.)",
}

# The geographies of each of the regions above (a global report lists them all).
REGION_GEOGRAPHIES = {
    "North America": "United States; North America; Canada",
    "Europe": "Europe; Germany; United Kingdom; France",
    "Asia-Pacific": "Asia Pacific; Japan; China; India; South Korea; Southeast Asia",
    "Latin America": "Latin America; Brazil",
    "Middle East & Africa": "Middle East and Africa",
}

# Credence's "Based on the Geography" lists, including its mangled "U.S." (printed "S.").
CREDENCE_COUNTRIES = {
    "North America": "S.; Canada; Mexico",
    "Europe": "Germany; France; U.K.; Italy; Spain; Rest of Europe",
    "Asia-Pacific": "China; Japan; India; South Korea; South-east Asia; Rest of Asia Pacific",
    "Latin America": "Brazil; Argentina; Rest of Latin America",
    "Middle East & Africa": "GCC Countries; South Africa; Rest of the Middle East and Africa",
}

REGION_REASONS = """advanced infrastructure and early technology adoption; strong
    investment and a dense supplier base; cost-effective manufacturing and rising domestic
    demand; supportive regulation and public funding; rapid urbanisation and expanding
    industrial capacity; stringent regulatory frameworks; growing foreign direct investment"""

# --- Publisher boilerplate -------------------------------------------------------------------

RELIABLE_TITLES = """{Market} Size, Share & Trends Analysis Report By Material, By Type, By
    End-user, By Region, And Segment Forecasts, {start} - {end}

    {Market} Size, Share, Growth Analysis and Forecast From {start} To {end}

    {Market} Outlook: Share, Size, Trends and Competitive Landscape {start} - {end}

    {Market} Report {start} - {end}: Industry Size, Growth Drivers and Regional Insights"""

MARKETSCAGR_TITLES = """{Market} Size Focuses on Market Dynamics, In-Depth Analysis and
    Future Projections of its Market Forecasted for Period from {start} to {end}

    {Market} Trends, Size and Share: Growth Forecast from {start} to {end}

    {Market} Research Report: Industry Growth, Key Players and Forecast ({start} - {end})

    {Market} Share Insights, Emerging Trends and Future Growth Forecast {start} to {end}"""

CREDENCE_TITLES = """Future of {Name} in {Where}: Market Forecast {start}â€“{end}

    {Market} Size, Share and Growth Outlook {start}â€“{end}

    {Market} to Reach USD {forecast} Million by {end}

    {Market} Trends and Competitive Landscape {start}â€“{end}"""

CREDENCE_CTAS = """Want detailed insights into sustainability-focused market strategies?
    Click here for the full report.

    Explore competitive intelligence of top manufacturers: Access full market report.

    ðŸ“Œ Interested in country-wise market projections and trends? Click here for the complete
    report.

    Looking for segment-level forecasts and pricing analysis? Download the full report."""

CREDENCE_ABOUT = """Credence Research is a viable intelligence and market research platform
    that provides quantitative B2B research to more than 2000 clients worldwide and is built
    on the Give principle. The company is a market research and consulting firm serving
    governments, non-legislative associations, non-profit organizations, and various
    organizations worldwide. We help our clients improve their execution in a lasting way and
    understand their most imperative objectives."""

CREDENCE_CONTACT = (
    "Tower C-1105 ,",
    "S 25, Akash Tower,",
    "Vishal Nahar, Pimple Nilakh,",
    "Pune &ndash; 411027",
)

UNKNOWN_PUBLISHERS = """Northbridge Insights; Meridian Data Lab; Bluepeak Research; Harbor &
    Finch Analytics; Quantis Market Intelligence; Orion Sector Reports"""

LINKEDIN_PHRASES = """evolution-{slug}-market-key-shifts-from;
    global-perspectives-{slug}-market-trends; {slug}-market-size-share-analysis"""

GITHUB_USERS = "SamiaChowdhury801; MarketInsightsHub"

# --- Prose pools (blank-line separated; `{slots}` are filled per report) ----------------------
# Each pool holds a few more entries than one section draws (application 9, trend 10,
# opportunity 9, challenge 7, driver 5, outlook 10, FAQ 10), so sections differ.

APPLICATION_SENTENCES = """
{App} represents one of the largest application segments of the {market}{where}.

Demand from {app} is shaped by {theme}, which pushes {customer} to look for dependable
suppliers and predictable lead times.

Suppliers serving {app} typically offer {tech} alongside validation, documentation and
after-sales support, because buyers in this segment rarely accept unproven solutions.

In {app}, purchasing decisions are increasingly made on total cost of ownership rather than
on unit price alone.

The segment benefits from {theme2}, and vendors that combine {tech} with strong service
networks are winning long-term contracts.

Compliance with {rule} remains a prerequisite for doing business in {app}, so established
providers with documented quality systems hold an advantage over new entrants.

Over the forecast period, {app} is expected to grow faster than the overall {market},
supported by new capacity additions and a steady flow of product launches.

Smaller firms in {app} often lack in-house expertise, which makes outsourced services and
turnkey offerings particularly attractive to them.

Recent investments in {tech2} have shortened delivery times for {app} customers and improved
consistency from one batch to the next.

Sustainability targets are becoming part of {app} tenders, with buyers asking for lower
energy use, recyclable materials and traceable sourcing.

The {app} segment also faces challenges, including skilled-labour shortages and rising input
costs, which suppliers are addressing through automation and process optimisation.

Strategic partnerships between {customer} and specialised suppliers are common in {app},
allowing both sides to share risk and accelerate time-to-market.
"""

TREND_SENTENCES = """
One of the most notable trends in the {market}{where} is the rapid adoption of {tech}, which
improves efficiency and reduces operating costs.

Another key trend is {theme}, which is reshaping purchasing priorities across {customer}.

Vendors are integrating {tech} and {tech2} into unified platforms, giving customers a single
point of accountability.

Consolidation continues as larger players acquire specialised firms to broaden their
portfolios and expand their geographic footprint.

Sustainability has moved from a marketing message to a procurement requirement, with buyers
asking for documented reductions in energy use and waste.

Regulatory attention, particularly around {rule}, is raising the bar for quality
documentation and data integrity.

Data analytics and artificial intelligence are being applied to forecast demand, optimise
capacity and detect quality issues earlier.

Regional supply chains are gaining importance as companies seek to reduce exposure to
long-distance logistics and trade disruptions.

Investment activity remains strong, with venture capital and private equity funding new
entrants that focus on {tech}.

Price competition from low-cost manufacturers in Asia is encouraging established suppliers
to differentiate through service, quality and speed.

Talent shortages are prompting companies to invest in training programmes and automation to
maintain output.

The growing importance of {theme2} is expected to influence product roadmaps throughout the
forecast period.
"""

OPPORTUNITY_SENTENCES = """
The {market}{where} presents numerous opportunities, especially for suppliers that can
address {theme}.

Companies that specialise in {tech} are well positioned to capture new business from
{customer}.

Emerging markets in Asia-Pacific, Latin America and the Middle East offer significant
untapped demand as infrastructure and purchasing power improve.

There is considerable room for growth in after-sales services, including maintenance,
training and performance monitoring.

Small and mid-sized {customer} remain underserved, creating an opportunity for flexible,
lower-cost solutions tailored to their needs.

Government incentives and public funding programmes linked to {theme2} are expected to open
new revenue streams.

Advances in {tech2} are lowering costs and opening applications that were previously
uneconomical.

Strategic acquisitions of niche specialists can help established players enter adjacent
segments quickly.

Digital sales channels and direct-to-customer models are allowing new entrants to reach
buyers without large distribution networks.

Partnerships with research institutions and start-ups can accelerate innovation and give
suppliers early access to promising technologies.

By diversifying their portfolios and building strong partnerships, suppliers can secure
long-term growth in a dynamic and competitive market.
"""

CHALLENGE_SENTENCES = """
Despite growth opportunities, the {market} faces notable challenges - chief among them being
{issue} and {issue2}.

Compliance with {rule} demands robust quality systems and continuous upgrades, which weigh on
the margins of smaller suppliers.

Volatile raw material and energy prices make long-term pricing difficult and expose
suppliers to sudden cost increases.

Shortages of skilled engineers and technicians are slowing capacity expansions in several
regions.

Long qualification cycles mean that new products can take years to reach meaningful sales
volumes.

Cybersecurity and data-protection concerns are slowing the adoption of connected solutions
among risk-averse {customer}.

Trade restrictions and tariffs add uncertainty to sourcing decisions and can disrupt
established supply chains.

High upfront costs remain a barrier for smaller buyers, who often postpone investments when
financing conditions tighten.

This makes it essential for suppliers to invest strategically in workforce training,
capacity and digital tools to overcome operational bottlenecks and maintain customer trust.
"""

ISSUES = """regulatory complexity; capacity limitations; rising input costs; a shortage of
    skilled labour; supply chain disruptions; high capital requirements; pricing pressure"""

DRIVER_SENTENCES = """
The {market}{where} is experiencing strong momentum due to {theme}.

{Customer} increasingly prefer suppliers that offer {tech}, because it reduces complexity and
shortens lead times.

This demand is reinforced by {theme2}, which encourages investment in new capacity.

Suppliers with proven quality records and compliance with {rule} are best placed to benefit.

As a result, purchasing volumes are expected to rise steadily throughout the forecast period.

Continuous advancements in {tech} and {tech2} are enhancing efficiency and productivity across
the value chain.

These innovations allow for flexible, scalable solutions that appeal to both start-ups and
established players.

Growing awareness among {customer} of the long-term cost benefits further supports adoption.

Public funding and favourable policies in several countries are accelerating this shift.
"""

OUTLOOK_LINES = """
Increasing adoption of {tech} among {customer}.

Growing demand driven by {theme}.

Expansion of production capacity in Asia-Pacific and Latin America.

Consolidation among suppliers to increase scale and service offerings.

Greater regulatory harmonization across major markets.

Focus on sustainable materials and energy-efficient processes.

Integration of real-time analytics and cloud-based monitoring.

Rising investment in {tech2} by established players.

Wider availability of financing and leasing models for smaller buyers.

Stronger partnerships between suppliers and {customer}.

Rapid adoption of digital twins and AI-based process control.

Shift toward regional supply chains to reduce logistics risk.
"""

# Question, then answer, each pair separated by a blank line.
FAQ_PAIRS = """
What is the {name} market?
The {name} market covers the products and services that {customer} use to {purpose}.

What is driving growth in the {name} market?
Growth is driven mainly by {theme} and {theme2}.

Which region leads the {name} market?
North America currently holds the largest share, while Asia-Pacific is expected to grow the
fastest over the forecast period.

Who are the key players in the {name} market?
Leading companies include {company}, {company2} and {company3}, among others.

What are the main applications of {name}?
Major applications include {app}, {app2} and others.

What challenges does the {name} market face?
Key challenges include {issue}, {issue2} and compliance with {rule}.

What role does technology play in the {name} market?
Technologies such as {tech} improve efficiency, reduce errors and enable faster delivery.

What are the key trends in the {name} market?
Key trends include {tech2}, industry consolidation and a growing focus on sustainability.

What is the future outlook for the {name} market?
The outlook is positive, with continued growth expected through {fy} as {theme} continues.

Which segment of the {name} market is growing fastest?
The {app} segment is expected to register the fastest growth over the forecast period.

What opportunities exist for new entrants in the {name} market?
New entrants can target underserved small and mid-sized customers and niche applications
with flexible offerings.
"""

SEGMENT_PHRASES = """accounts for the largest share of revenue; is growing fastest as adoption
    broadens; serves customers with specialised requirements; is favoured by price-sensitive
    buyers; benefits from recent technology upgrades"""

# Company paragraphs in the "Major Market Players" block. {rev} is a money phrase.
PLAYER_SENTENCES = """
**{company}** is a significant player known for its {tech} portfolio, reporting revenues of
{rev}. The company focuses on expanding its capabilities, particularly in {app}, positioning
itself for strong growth.

**{company}**, with a revenue of {rev}, is recognized for its comprehensive solutions,
including {tech}. The company continues to invest heavily in its facilities, aiming for
significant growth through strategic partnerships.

**{company}** has rapidly ascended in the market, reporting revenues of {rev}. Its
state-of-the-art facilities position it to cater to high-volume demand, particularly in
{app}.
"""

PLAYER_WITHOUT_REVENUE = """**{company}** operates as a leading supplier to {customer}.
    Though it faces market challenges, its ongoing investments in efficiency and cost-cutting
    strategies suggest potential for future recovery and growth."""

PLAYER_WITH_PARENT = """**{company}**, a part of {parent}, specializes in {tech}. Its exact
    revenues are less publicized separately, but {parent} reported total revenues exceeding
    {rev}. Its strong focus on integrated solutions underlies its growth potential."""

# The country lists Reliable Market Forecast and Markets CAGR print, stray "Korea"s included.
RELIABLE_COUNTRIES = {
    "North America": "United States; Canada",
    "Europe": "Germany; France; U.K.; Italy; Russia",
    "Asia-Pacific": """China; Japan; South Korea; India; Australia; China Taiwan; Indonesia;
        Thailand; Malaysia""",
    "Latin America": "Mexico; Brazil; Argentina Korea; Colombia",
    "Middle East & Africa": "Turkey; Saudi; Arabia; UAE; Korea",
}
